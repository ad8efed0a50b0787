/* Emulated hCaptcha: window.hcaptcha with render, reset, remove, getResponse, getRespKey,
 * execute (also `{ async: true }`), setData and close; `?render=`, `?onload=`, `?hl=` and
 * `?recaptchacompat=` as the real api.js reads them. */
/* global emulatedScript, createEmulatedWidget, emulatedContainerById, emulatedDataParams, emulatedCaller, emulatedStart */

var hcaptchaWidgets = []

function hcaptchaFind(id) {
  return id === undefined
    ? hcaptchaWidgets[0]
    : hcaptchaWidgets.find(function (entry) {
        return entry.id === id
      })
}

function hcaptchaRender(target, params) {
  var container = emulatedContainerById(target)
  if (!container) throw new Error('[hCaptcha] container not found: ' + target)
  params = Object.assign(emulatedDataParams(container), params || {})
  if (!params.sitekey) throw new Error('[hCaptcha] missing sitekey')
  var id = Math.random().toString(36).slice(2, 12)
  var call = emulatedCaller(params)
  var fields = ['h-captcha-response', 'g-recaptcha-response'].map(function (name) {
    var field = document.createElement('textarea')
    field.name = name
    field.hidden = true
    return field
  })
  var entry = { id: id, pending: [], key: '' }
  var settle = function (error, response) {
    entry.pending.splice(0).forEach(function (promise) {
      if (error) promise.reject(error)
      else promise.resolve({ response: response, key: entry.key })
    })
  }
  entry.widget = createEmulatedWidget(container, {
    provider: 'hcaptcha',
    brand: 'hCaptcha (emulated)',
    sitekey: params.sitekey,
    theme: params.theme || 'light',
    size: params.size || 'normal',
    lang: params.hl || emulatedScript.searchParams.get('hl') || 'auto',
    onToken: function (token) {
      entry.key = 'E0_' + id
      fields.forEach(function (field) {
        field.value = token
      })
      call('callback', token)
      settle(null, token)
    },
    onError: function (code) {
      call('error-callback', code)
      settle(code)
    },
    onExpired: function () {
      fields.forEach(function (field) {
        field.value = ''
      })
      call('expired-callback')
    },
    onOpen: function () {
      call('open-callback')
    },
    onClose: function () {
      call('close-callback')
      settle('challenge-closed')
    },
    // The challenge on screen left unanswered: chalexpired-callback, and `execute({ async })`
    // rejects with hCaptcha's `challenge-expired`.
    timeoutCode: 'challenge-expired',
    onTimeout: function () {
      call('chalexpired-callback')
      settle('challenge-expired')
    },
  })
  fields.forEach(function (field) {
    container.appendChild(field)
  })
  entry.fields = fields
  hcaptchaWidgets.push(entry)
  return id
}

function hcaptchaImplicitRender() {
  document.querySelectorAll('.h-captcha').forEach(function (container) {
    if (!container.hasAttribute('data-hcaptcha-widget-id'))
      container.setAttribute('data-hcaptcha-widget-id', hcaptchaRender(container))
  })
}

window.hcaptcha = {
  render: hcaptchaRender,
  reset: function (id) {
    var entry = hcaptchaFind(id)
    if (!entry) return
    entry.widget.reset()
    entry.fields.forEach(function (field) {
      field.value = ''
    })
  },
  remove: function (id) {
    var entry = hcaptchaFind(id)
    if (!entry) return
    entry.widget.remove()
    entry.fields.forEach(function (field) {
      field.remove()
    })
    hcaptchaWidgets.splice(hcaptchaWidgets.indexOf(entry), 1)
  },
  getResponse: function (id) {
    var entry = hcaptchaFind(id)
    return entry ? entry.widget.response() : ''
  },
  getRespKey: function (id) {
    var entry = hcaptchaFind(id)
    return entry ? entry.key : ''
  },
  execute: function (id, options) {
    if (id && typeof id === 'object') {
      options = id
      id = undefined
    }
    var entry = hcaptchaFind(id)
    var result =
      options && options.async
        ? new Promise(function (resolve, reject) {
            if (!entry) return reject('invalid-captcha-id')
            entry.pending.push({ resolve: resolve, reject: reject })
          })
        : undefined
    if (entry) entry.widget.execute()
    return result
  },
  setData: function (id, data) {
    var entry = hcaptchaFind(id)
    if (entry) entry.data = data
  },
  close: function (id) {
    var entry = hcaptchaFind(id)
    if (entry) entry.widget.reset()
  },
}
if (emulatedScript.searchParams.get('recaptchacompat') !== 'off' && !window.grecaptcha) {
  window.grecaptcha = window.hcaptcha
}
emulatedStart(hcaptchaImplicitRender)
