/* Emulated Friendly Captcha v2: the widget itself, shared by the emulated site script (which
 * draws it in the page, as the other emulated providers do) and the emulated widget frame
 * (which the real @friendlycaptcha/sdk loads from the API host). It reports its state as the
 * real widget reports it to the SDK: a state (WidgetState) and a response, the response being
 * a sentinel (`.UNSTARTED`, `.REQUESTING`, ...) until there is a real one. */
/* global createEmulatedWidget */
/* exported frcEmulatedWidget */

/** The widget's error codes (the SDK's WidgetErrorCode), with the detail each one carries. */
var FRC_WIDGET_ERRORS = {
  network_error: 'The widget could not reach the API.',
  sitekey_invalid: 'The sitekey is invalid.',
  sitekey_missing: 'No sitekey was given.',
  other: 'The puzzle could not be completed.',
}

/**
 * One widget in `host`. `options`: sitekey, api (the API origin its calls go to), origin (the
 * page's origin, sent with a solve), lang, theme, and setState({ state, response, error?,
 * mode? }), told every change. Returns trigger() (a start: the widget solves, or in
 * interactive mode waits for the click), reset() and remove().
 */
function frcEmulatedWidget(host, options) {
  var connected = false
  var current = 'init'
  function set(state, response, extra) {
    current = state
    var change = { state: state, response: response }
    for (var key in extra || {}) change[key] = extra[key]
    options.setState(change)
  }
  function fail(code) {
    var known = Object.prototype.hasOwnProperty.call(FRC_WIDGET_ERRORS, code)
    // The shared widget says `network-error` for a call that never got an answer.
    var error = code === 'network-error' ? 'network_error' : known ? code : 'other'
    set('error', '.ERROR', { error: { code: error, detail: FRC_WIDGET_ERRORS[error] } })
  }

  if (!options.sitekey) {
    var missing = document.createElement('div')
    missing.setAttribute('role', 'status')
    missing.textContent = FRC_WIDGET_ERRORS.sitekey_missing
    host.appendChild(missing)
    // After the caller holds the widget, as the real widget answers once its frame loaded.
    setTimeout(function () {
      fail('sitekey_missing')
    })
    return { trigger: function () {}, reset: function () {}, remove: function () {} }
  }

  var widget = createEmulatedWidget(host, {
    provider: 'friendlycaptcha',
    brand: 'Friendly Captcha (emulated)',
    sitekey: options.sitekey,
    theme: options.theme,
    lang: options.lang,
    api: options.api,
    origin: options.origin,
    onReady: function () {
      connected = true
      set('unactivated', '.UNSTARTED')
    },
    onStart: function () {
      set('requesting', '.REQUESTING')
    },
    onToken: function (token) {
      set('completed', token)
    },
    onError: fail,
    onExpired: function () {
      set('expired', '.EXPIRED')
    },
    // Interactive mode: started, the widget waits for a click on itself (no dialog).
    onInteractive: function () {
      set('activated', '.UNSTARTED', { mode: 'interactive' })
    },
  })

  return {
    trigger: function () {
      if (current === 'requesting' || current === 'completed' || current === 'activated') return
      // Before the session answered, execute() waits for it; after a refused one, it fails.
      widget.execute().catch(function () {})
    },
    reset: function () {
      widget.reset()
      if (connected) set('unactivated', '.UNSTARTED')
    },
    remove: function () {
      widget.remove()
    },
  }
}
