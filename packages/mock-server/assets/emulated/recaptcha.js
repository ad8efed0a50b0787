/* Emulated Google reCAPTCHA v2 and v3: window.grecaptcha with render (numeric ids), reset,
 * getResponse, execute (v2 invisible by id; v3 as execute(siteKey, { action }) -> Promise)
 * and ready; `?render=explicit|onload|<v3 site key>`, `?onload=` and `?hl=` (the language is
 * read from the script URL only, as Google's is). */
/* global emulatedScript, createEmulatedWidget, emulatedContainerById, emulatedWhenBody, emulatedDataParams, emulatedCaller, emulatedStart, mockCall */

var recaptchaWidgets = []
var recaptchaLang = emulatedScript.searchParams.get('hl') || 'auto'
var recaptchaRenderParam = emulatedScript.searchParams.get('render')
// v3 actions: letters, digits, slashes and underscores.
var RECAPTCHA_ACTION = /^[A-Za-z0-9/_]*$/

function recaptchaFind(id) {
  return recaptchaWidgets[id === undefined || id === null ? 0 : id]
}

function recaptchaRender(target, params) {
  // `render(parameters)` with no container, as v3 libraries call it: a client of its own,
  // shown as the badge at the page's edge.
  if (target && typeof target === 'object' && !(target instanceof Element)) {
    params = target
    target = document.createElement('div')
    emulatedWhenBody(function (body) {
      body.appendChild(target)
    })
    params = Object.assign({ size: 'invisible' }, params, { v3: true })
  }
  var container = emulatedContainerById(target)
  if (!container) throw new Error('reCAPTCHA placeholder element must be an element or id')
  if (container.hasAttribute('data-recaptcha-widget-id'))
    throw new Error('reCAPTCHA has already been rendered in this element')
  params = Object.assign(emulatedDataParams(container), params || {})
  var id = recaptchaWidgets.length
  var call = emulatedCaller(params)
  var field = document.createElement('textarea')
  field.name = 'g-recaptcha-response'
  field.hidden = true
  var invisible = params.size === 'invisible'
  var widget = createEmulatedWidget(container, {
    provider: 'recaptcha',
    brand: invisible ? 'protected by reCAPTCHA (emulated)' : 'reCAPTCHA (emulated)',
    sitekey: params.sitekey,
    theme: params.theme || 'light',
    size: invisible ? 'invisible' : params.size === 'compact' ? 'compact' : 'normal',
    badge: invisible ? params.badge || 'bottomright' : null,
    lang: recaptchaLang,
    onToken: function (token) {
      field.value = token
      call('callback', token)
    },
    onError: function () {
      // Google's error-callback carries no code.
      call('error-callback')
    },
    onExpired: function () {
      field.value = ''
      call('expired-callback')
    },
  })
  container.appendChild(field)
  container.setAttribute('data-recaptcha-widget-id', String(id))
  recaptchaWidgets.push({ widget: widget, field: field, sitekey: params.sitekey, v3: !!params.v3 })
  return id
}

function recaptchaImplicitRender() {
  document.querySelectorAll('.g-recaptcha').forEach(function (container) {
    if (!container.hasAttribute('data-recaptcha-widget-id')) recaptchaRender(container)
  })
}

/** v3: a score token for the action, from this server. */
function recaptchaScore(siteKey, options) {
  var action = (options && options.action) || ''
  if (!RECAPTCHA_ACTION.test(action))
    return Promise.reject(new Error('reCAPTCHA v3: invalid action name ' + action))
  return mockCall('recaptcha', 'solve', { sitekey: siteKey, action: action, version: 'v3' }).then(
    function (answer) {
      if (!answer.ok) throw new Error('reCAPTCHA: ' + answer.data.error)
      return answer.data.token
    },
  )
}

// `render=<v3 site key>` makes a client of that key first, id 0, which `execute(undefined or 0,
// { action })` answers (react-google-recaptcha-v3 calls it so).
var recaptchaAutoKey =
  recaptchaRenderParam && recaptchaRenderParam !== 'explicit' && recaptchaRenderParam !== 'onload'
    ? recaptchaRenderParam
    : null
if (recaptchaAutoKey)
  recaptchaWidgets.push({ widget: null, field: null, sitekey: recaptchaAutoKey, v3: true })

window.___grecaptcha_cfg = { clients: {} }
window.grecaptcha = {
  render: recaptchaRender,
  reset: function (id) {
    var entry = recaptchaFind(id)
    if (!entry || !entry.widget) return
    entry.widget.reset()
    entry.field.value = ''
  },
  getResponse: function (id) {
    var entry = recaptchaFind(id)
    return entry && entry.widget ? entry.widget.response() : ''
  },
  execute: function (idOrSiteKey, options) {
    if (typeof idOrSiteKey === 'string') return recaptchaScore(idOrSiteKey, options)
    var entry = recaptchaFind(idOrSiteKey)
    if (!entry) return undefined
    // A v3 client (or any widget asked with an action) answers with a promise of a score token.
    if (entry.v3 || options) return recaptchaScore(entry.sitekey, options)
    entry.widget.execute()
  },
  ready: function (callback) {
    setTimeout(callback)
  },
}
// A v3 site key as `render=` shows Google's badge.
if (recaptchaAutoKey) {
  var recaptchaBadge = document.createElement('div')
  recaptchaBadge.setAttribute('data-emulated-provider', 'recaptcha-v3')
  Object.assign(recaptchaBadge.style, {
    position: 'fixed',
    right: '14px',
    bottom: '14px',
    padding: '6px 10px',
    background: '#f9f9f9',
    color: '#555',
    font: '11px system-ui',
  })
  recaptchaBadge.textContent = 'protected by reCAPTCHA (emulated)'
  // Google documents this script in <head>, where there is no body yet.
  emulatedWhenBody(function (body) {
    body.appendChild(recaptchaBadge)
  })
}
emulatedStart(recaptchaImplicitRender)
