/* Passline mock of CaptchaLa's loader: defines window.loadCaptchala(onLoaded, onError), which
 * fetches captchala.js and captchala.css from this script's own origin, once per page. The
 * loader's own nonce is passed on to what it injects, so strict-CSP pages work. */
;(function () {
  'use strict'
  var self = document.currentScript
  var base = new URL('.', self && self.src ? self.src : location.href)
  // The nonce property survives after browsers hide the attribute from the DOM.
  var nonce = (self && (self.nonce || self.getAttribute('nonce'))) || ''
  var pending = null

  function inject(tag, attributes) {
    var element = document.createElement(tag)
    for (var name in attributes) element[name] = attributes[name]
    if (nonce) element.setAttribute('nonce', nonce)
    document.head.appendChild(element)
    return element
  }

  function load() {
    return new Promise(function (resolve, reject) {
      var style = inject('link', { rel: 'stylesheet', href: new URL('captchala.css', base).href })
      var script = inject('script', { src: new URL('captchala.js', base).href, async: true })
      script.onload = function () {
        if (window.Captchala) resolve()
        else reject(sdkError('the SDK did not start'))
      }
      script.onerror = function () {
        script.remove()
        style.remove()
        reject(sdkError('the SDK failed to load'))
      }
    })
  }

  function sdkError(message) {
    var error = new Error('CaptchaLa: ' + message + ' (sdk_load_failed)')
    error.code = 'sdk_load_failed'
    return error
  }

  window.loadCaptchala = function (onLoaded, onError) {
    if (!pending) {
      pending = window.Captchala ? Promise.resolve() : load()
      // A failed load is forgotten, so the next call tries again.
      pending.catch(function () {
        pending = null
      })
    }
    pending.then(
      function () {
        if (onLoaded) onLoaded()
      },
      function (error) {
        if (onError) onError(error)
      },
    )
  }
})()
