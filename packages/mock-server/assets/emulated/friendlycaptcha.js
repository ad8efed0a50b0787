/* Emulated Friendly Captcha v2 site script (`@friendlycaptcha/sdk`'s site.min.js):
 * window.frcaptcha, an SDK with createWidget, attach, getAllWidgets, getWidgetById, clear,
 * attached, riskIntelligence and clearRiskIntelligence; widget handles with start, reset,
 * destroy, getState, getResponse, getElement, addEventListener and removeEventListener; the
 * `frc:widget.*` events (bubbling, on the widget's element), the hidden `frc-captcha-response`
 * field, the start modes (focus on the form, auto, none), and `.frc-captcha` elements attached
 * when the document has loaded. The widget is drawn in the page (the real SDK puts it in a
 * frame from the API host; the emulator serves that frame too, for the real SDK). */
/* global frcEmulatedWidget */

var FRC_API_HOSTS = { global: 'https://global.frcapi.com', eu: 'https://eu.frcapi.com' }
var FRC_SITE_SCRIPT = /\/site(\.compat)?(\.nopolyfill)?(\.min)?\.js(\?|#|$)/

/** This script's element: currentScript, or (a module script has none) the one by its name. */
var frcScript =
  document.currentScript ||
  Array.prototype.find.call(document.scripts, function (script) {
    return FRC_SITE_SCRIPT.test(script.src) && /friendly/i.test(script.src)
  }) ||
  null
var frcScriptUrl = frcScript && frcScript.src ? new URL(frcScript.src, location.href) : null
// Served by a mock server rather than from the CDN through routing: that server answers the
// API too, so Friendly Captcha's own hosts (the default, `global`, `eu`) mean it.
var frcSelfServed = Boolean(
  frcScriptUrl &&
  /^https?:$/.test(frcScriptUrl.protocol) &&
  frcScriptUrl.hostname !== 'cdn.jsdelivr.net',
)

/** The SDK's fallbacks for the endpoint: the meta tag, the script's data attribute, a widget's. */
function frcDefaultEndpoint() {
  var meta = document.querySelector('meta[name="frc-api-endpoint"]')
  if (meta) return meta.content
  if (frcScript && frcScript.dataset && frcScript.dataset.frcApiEndpoint)
    return frcScript.dataset.frcApiEndpoint
  var marked = document.querySelector('.frc-captcha[data-api-endpoint]')
  return marked ? marked.dataset.apiEndpoint : undefined
}

/** `global`, `eu`, a URL or a comma-separated list of them: the origin of the first. */
function frcApiOrigin(endpoint) {
  var first = String(endpoint || '')
    .split(',')
    .map(function (part) {
      return part.trim()
    })
    .filter(Boolean)[0]
  if (!first || FRC_API_HOSTS[first]) {
    return frcSelfServed ? frcScriptUrl.origin : FRC_API_HOSTS[first || 'global']
  }
  try {
    return new URL(first, location.href).origin
  } catch (error) {
    return FRC_API_HOSTS.global
  }
}

function frcRandomId(length) {
  var chars = 'abcdefghijklmnopqrstuvwxyz0123456789'
  var id = ''
  for (var i = 0; i < length; i++) id += chars[Math.floor(Math.random() * chars.length)]
  return id
}

function frcParentForm(element) {
  for (var node = element; node;) {
    if (node.tagName === 'FORM') return node
    node = node.parentElement || (node.parentNode && node.parentNode.host) || null
  }
  return null
}

function frcLanguage(options) {
  var language = options.language
  if (!language || language === 'html') {
    for (var node = options.element; node && !language; node = node.parentElement)
      language = typeof node.lang === 'string' ? node.lang : ''
  }
  return language || ''
}

// The root styles the SDK gives the widget's element, each only where the page set none.
var FRC_ROOT_STYLES = {
  position: 'relative',
  height: '70px',
  padding: '0',
  width: '316px',
  maxWidth: '100%',
  maxHeight: '100%',
  overflow: 'hidden',
  borderRadius: '4px',
}

function FrcWidgetHandle(sdk, options) {
  var handle = this
  var element = options.element
  if (!element) throw new Error('No element provided to mount widget under.')
  this.id = 'w_' + frcRandomId(12)
  this.sitekey = options.sitekey
  this.startMode = options.startMode || 'focus'
  this.isDestroyed = false
  this.ready = Promise.resolve(undefined)
  this._e = element
  this._state = 'init'
  this._response = '.UNINITIALIZED'
  this._focusPending = false
  element.frcWidget = this
  var fieldName =
    options.formFieldName === undefined ? 'frc-captcha-response' : options.formFieldName
  if (fieldName !== null) {
    this._field = document.createElement('input')
    this._field.type = 'hidden'
    this._field.style.display = 'none'
    this._field.name = fieldName
    element.appendChild(this._field)
  }
  this.setState({ response: '.UNCONNECTED', state: 'init' })
  for (var name in FRC_ROOT_STYLES)
    if (element.style[name] === '') element.style[name] = FRC_ROOT_STYLES[name]
  var language = frcLanguage(options)
  if (/^(ar|he|fa|ur)(-|$)/i.test(language)) element.dir = 'rtl'
  this._widget = frcEmulatedWidget(element, {
    sitekey: options.sitekey,
    api: frcApiOrigin(options.apiEndpoint || sdk._apiEndpoint || frcDefaultEndpoint()),
    origin: location.origin,
    lang: language,
    theme: options.theme,
    setState: function (change) {
      if (!handle.isDestroyed) handle.setState(change)
    },
  })
  this._sdk = sdk
  this.ready.then(function () {
    handle._handleStartMode()
  })
}

FrcWidgetHandle.prototype._handleStartMode = function () {
  var handle = this
  if (this.startMode === 'focus' && !this._focusPending && !this.isDestroyed) {
    var form = frcParentForm(this._e)
    if (!form) return
    this._focusPending = true
    form.addEventListener(
      'focusin',
      function () {
        handle._focusPending = false
        if (!handle.isDestroyed) handle._trigger()
      },
      { once: true, passive: true },
    )
  } else if (this.startMode === 'auto') {
    this._trigger()
  }
}

FrcWidgetHandle.prototype._trigger = function () {
  if (this.isDestroyed) throw new Error('Can not start destroyed widget.')
  this._widget.trigger()
}

/** Starts the challenge, as the SDK's `start()`: solved in the background (or a click, in interactive mode). */
FrcWidgetHandle.prototype.start = function () {
  this._trigger()
}

FrcWidgetHandle.prototype.reset = function (options) {
  if (this.isDestroyed) throw new Error('Can not reset destroyed widget.')
  var trigger = (options && options.trigger) || 'root'
  this.setState({ response: '.RESET', state: 'reset', resetTrigger: trigger })
  this._widget.reset()
  this._handleStartMode()
}

FrcWidgetHandle.prototype.destroy = function () {
  this.isDestroyed = true
  if (this._field) this._field.remove()
  this._field = undefined
  this.setState({ response: '.DESTROYED', state: 'destroyed' })
  this._widget.remove()
  delete this._sdk._widgets[this.id]
  this._e.innerHTML = ''
  this._e.removeAttribute('style')
}

FrcWidgetHandle.prototype.setState = function (change) {
  var changed = this._state !== change.state
  this._response = change.response
  this._state = change.state
  if (this._field && this._e.isConnected !== false) this._field.value = change.response
  if (changed)
    this._dispatch({ name: 'frc:widget.statechange', error: change.error, mode: change.mode })
  if (this._state === 'expired') this._dispatch({ name: 'frc:widget.expire' })
  else if (this._state === 'completed') this._dispatch({ name: 'frc:widget.complete' })
  else if (this._state === 'error')
    this._dispatch({ name: 'frc:widget.error', error: change.error })
  else if (this._state === 'reset')
    this._dispatch({ name: 'frc:widget.reset', trigger: change.resetTrigger })
}

FrcWidgetHandle.prototype._dispatch = function (data) {
  var detail = { response: this._response, state: this._state, id: this.id }
  for (var key in data) detail[key] = data[key]
  this._e.dispatchEvent(new CustomEvent(data.name, { bubbles: true, detail: detail }))
}

FrcWidgetHandle.prototype.addEventListener = function (type, listener, options) {
  this._e.addEventListener(type, listener, options)
}
FrcWidgetHandle.prototype.removeEventListener = function (type, listener, options) {
  this._e.removeEventListener(type, listener, options)
}
FrcWidgetHandle.prototype.getState = function () {
  return this._state
}
FrcWidgetHandle.prototype.getResponse = function () {
  return this._response
}
FrcWidgetHandle.prototype.getElement = function () {
  return this._e
}

function FrcSDK(options) {
  var sdk = this
  this._apiEndpoint = options && options.apiEndpoint
  this._widgets = {}
  this.attached = new Promise(function (resolve) {
    sdk._resolveAttached = resolve
  })
}

FrcSDK.prototype.createWidget = function (options) {
  var handle = new FrcWidgetHandle(this, options)
  this._widgets[handle.id] = handle
  return handle
}

/** Widgets for the given elements, or for every `.frc-captcha` not attached yet. */
FrcSDK.prototype.attach = function (elements) {
  if (elements === undefined) elements = document.querySelectorAll('.frc-captcha')
  if (!(Array.isArray(elements) || elements instanceof NodeList)) elements = [elements]
  var created = []
  for (var i = 0; i < elements.length; i++) {
    var element = elements[i]
    if (!element || element.frcWidget) continue
    var data = element.dataset
    created.push(
      this.createWidget({
        element: element,
        sitekey: data.sitekey,
        formFieldName: data.formFieldName,
        apiEndpoint: data.apiEndpoint,
        language: data.lang,
        theme: data.theme,
        startMode: data.start,
      }),
    )
  }
  var all = this.getAllWidgets()
  this._resolveAttached(all)
  this.attached = Promise.resolve(all)
  return created
}

FrcSDK.prototype.getAllWidgets = function () {
  var widgets = this._widgets
  return Object.keys(widgets).map(function (id) {
    return widgets[id]
  })
}

FrcSDK.prototype.getWidgetById = function (id) {
  return this._widgets[id]
}

FrcSDK.prototype.getAllRiskIntelligenceHandles = function () {
  return []
}

/** Risk Intelligence is not emulated: refused as the SDK refuses, with an error's code and detail. */
FrcSDK.prototype.riskIntelligence = function () {
  return Promise.reject({ code: 'other', detail: 'Risk Intelligence is not emulated.' })
}

FrcSDK.prototype.clearRiskIntelligence = function () {
  return Promise.resolve()
}

FrcSDK.prototype.clear = function () {
  this.getAllWidgets().forEach(function (widget) {
    widget.destroy()
  })
}

window.frcaptcha = new FrcSDK()
if (document.readyState !== 'loading') window.frcaptcha.attach()
else
  document.addEventListener('DOMContentLoaded', function () {
    window.frcaptcha.attach()
  })
