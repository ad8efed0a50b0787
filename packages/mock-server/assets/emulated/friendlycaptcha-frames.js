/* Emulated Friendly Captcha v2 frames, for the real @friendlycaptcha/sdk: it loads a widget
 * frame (`/api/v2/captcha/widget`) into each widget's element and one agent frame
 * (`/api/v2/captcha/agent`) per API origin, and every message goes through the page's bus
 * (`postMessage` to the page, which routes it by `to_id`). The widget frame announces itself
 * (`widget_announce`), draws the emulated widget and reports each state change to the page
 * (`root_set_response`); the agent announces itself (`agent_announce`) and passes the page's
 * `root_trigger_widget`, `root_reset_widget` and `root_destroy_widget` on to the widget. */
/* global frcEmulatedWidget */
/* exported frcStartFrame */

function frcStartFrame(kind) {
  var params = new URL(location.href).searchParams
  var id = params.get('comm_id') || ''
  var agentId = params.get('agent_id') || ''
  var pageOrigin = params.get('origin') || ''
  // The page's origin when it gave a valid one: messages go to it alone.
  var target = /^https?:\/\/[^/]+$/.test(pageOrigin) ? pageOrigin : '*'

  function post(message) {
    message._frc = 1
    message.from_id = id
    window.parent.postMessage(message, target)
  }

  function listen(handle) {
    window.addEventListener('message', function (event) {
      var message = event.data
      if (event.source !== window.parent || !message || !message._frc) return
      handle(message)
    })
  }

  if (kind === 'agent') {
    listen(function (message) {
      if (/^root_(trigger|reset|destroy)_widget$/.test(message.type) && message.from_id) {
        post({ type: message.type, to_id: message.from_id, trigger: message.trigger })
      }
    })
    post({ type: 'agent_announce', to_id: '' })
    return
  }

  var theme = params.get('theme')
  var mode = 'noninteractive'
  var widget = frcEmulatedWidget(document.body, {
    sitekey: params.get('sitekey') || '',
    api: location.origin,
    origin: pageOrigin,
    lang: params.get('lang') || '',
    theme: theme || 'auto',
    setState: function (change) {
      if (change.mode) mode = change.mode
      post({
        type: 'root_set_response',
        to_id: '',
        widget_id: id,
        state: change.state,
        response: change.response,
        error: change.error,
        mode: mode,
      })
    },
  })
  listen(function (message) {
    if (message.type === 'root_trigger_widget') widget.trigger()
    else if (message.type === 'root_reset_widget') widget.reset()
    else if (message.type === 'root_destroy_widget') widget.remove()
  })
  post({
    type: 'widget_announce',
    to_id: agentId,
    sitekey: params.get('sitekey') || '',
    lang: params.get('lang') || '',
    mode: mode,
    signals: null,
  })
}
