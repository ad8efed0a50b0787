/* Emulated Cloudflare Turnstile: window.turnstile with render, reset, remove, getResponse,
 * isExpired, execute, ready and implicitRender; `?render=explicit` and `?onload=` as the real
 * api.js reads them; callback, error-, expired-, before-interactive- and timeout-callback. */
/* global createEmulatedWidget, emulatedContainer, emulatedDataParams, emulatedCaller, emulatedStart */

var turnstileWidgets = []
var turnstileCount = 0

/** A widget by id, container element or selector; the first one when none is given. */
function turnstileFind(target) {
  if (target === undefined) return turnstileWidgets[0]
  var element =
    typeof target === 'string' && !/^cf-chl-widget-/.test(target) ? emulatedContainer(target) : null
  return turnstileWidgets.find(function (entry) {
    return entry.id === target || entry.container === target || entry.container === element
  })
}

function turnstileRender(target, params) {
  var container = emulatedContainer(target)
  if (!container) throw new Error('[Cloudflare Turnstile] Invalid or missing container: ' + target)
  var data = emulatedDataParams(container)
  if ('cdata' in data) data.cData = data.cdata
  params = Object.assign(data, params || {})
  if (!params.sitekey) throw new Error('[Cloudflare Turnstile] Missing sitekey')
  var id = 'cf-chl-widget-' + ++turnstileCount
  var execution = params.execution || 'render'
  var appearance = params.appearance || 'always'
  var field = null
  if (params['response-field'] !== false && params['response-field'] !== 'false') {
    field = document.createElement('input')
    field.type = 'hidden'
    field.name = params['response-field-name'] || 'cf-turnstile-response'
    field.id = id + '_response'
  }
  var entry = { id: id, container: container, params: params }
  var call = emulatedCaller(params)
  entry.widget = createEmulatedWidget(container, {
    provider: 'turnstile',
    brand: 'Turnstile (emulated)',
    sitekey: params.sitekey,
    theme: params.theme,
    size: appearance === 'always' ? params.size || 'normal' : 'invisible',
    lang: params.language,
    action: params.action,
    cdata: params.cData,
    autoRun: execution === 'render',
    refreshExpired: params['refresh-expired'] || 'auto',
    onToken: function (token) {
      if (field) field.value = token
      call('callback', token)
    },
    onError: function (code) {
      if (typeof params['error-callback'] === 'function') return call('error-callback', code)
      // As Turnstile does when no error-callback handles it.
      setTimeout(function () {
        throw new Error('[Cloudflare Turnstile] Error: ' + code)
      })
    },
    onExpired: function (token) {
      if (field) field.value = ''
      call('expired-callback', token)
    },
    onOpen: function () {
      call('before-interactive-callback')
    },
    // An interactive challenge left unsolved: timeout-callback, then per `refresh-timeout`
    // (default auto) a fresh challenge.
    timeoutCode: '110620',
    refreshTimeout: params['refresh-timeout'] || 'auto',
    onTimeout: function () {
      if (field) field.value = ''
      call('timeout-callback')
    },
  })
  if (field) container.appendChild(field)
  turnstileWidgets.push(entry)
  return id
}

function turnstileImplicitRender() {
  document.querySelectorAll('.cf-turnstile').forEach(function (container) {
    if (!turnstileFind(container)) turnstileRender(container)
  })
}

window.turnstile = {
  render: turnstileRender,
  reset: function (target) {
    var entry = turnstileFind(target)
    if (entry) entry.widget.reset()
  },
  remove: function (target) {
    var entry = turnstileFind(target)
    if (!entry) return
    entry.widget.remove()
    var field = document.getElementById(entry.id + '_response')
    if (field) field.remove()
    turnstileWidgets.splice(turnstileWidgets.indexOf(entry), 1)
  },
  getResponse: function (target) {
    var entry = turnstileFind(target)
    return entry ? entry.widget.response() : undefined
  },
  isExpired: function (target) {
    var entry = turnstileFind(target)
    return entry ? entry.widget.expired() : false
  },
  execute: function (target, params) {
    var entry = turnstileFind(target)
    if (!entry && target !== undefined) entry = turnstileFind(turnstileRender(target, params))
    if (entry) entry.widget.execute()
  },
  ready: function (callback) {
    setTimeout(callback)
  },
  implicitRender: turnstileImplicitRender,
}

emulatedStart(turnstileImplicitRender)
