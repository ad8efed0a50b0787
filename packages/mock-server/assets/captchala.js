/* Passline mock of CaptchaLa's browser SDK: window.Captchala.init(cfg) returns a chainable
 * widget in four products (embed, popup, float, bind). Solving asks this server for a signed
 * challenge, computes a small proof of work with Web Crypto, and trades it for a pass token,
 * so a token can only be had from the server. */
;(function () {
  'use strict'
  if (window.Captchala) return

  var self = document.currentScript
  var apiBase = new URL('captchala/v1/', new URL('.', self && self.src ? self.src : location.href))

  var STRINGS = {
    en: [
      "I'm not a robot",
      'Click the box to verify',
      'Verifying…',
      'Verified',
      'Verification failed. Try again.',
      'Verify you are human',
      'Close',
      'Protected by CaptchaLa',
      'Verification unavailable',
    ],
    'zh-CN': [
      '我不是机器人',
      '点击方框进行验证',
      '正在验证…',
      '验证成功',
      '验证失败，请重试。',
      '请验证您是真人',
      '关闭',
      '由 CaptchaLa 保护',
      '验证服务不可用',
    ],
    'zh-TW': [
      '我不是機器人',
      '點擊方框進行驗證',
      '正在驗證…',
      '驗證成功',
      '驗證失敗，請重試。',
      '請驗證您是真人',
      '關閉',
      '由 CaptchaLa 保護',
      '驗證服務無法使用',
    ],
    ja: [
      '私はロボットではありません',
      'ボックスをクリックして確認',
      '確認中…',
      '確認しました',
      '確認に失敗しました。もう一度お試しください。',
      '人間であることを確認してください',
      '閉じる',
      'CaptchaLa により保護されています',
      '確認を利用できません',
    ],
    ko: [
      '로봇이 아닙니다',
      '상자를 클릭하여 확인하세요',
      '확인 중…',
      '확인되었습니다',
      '확인에 실패했습니다. 다시 시도하세요.',
      '사람인지 확인해 주세요',
      '닫기',
      'CaptchaLa로 보호됨',
      '확인을 사용할 수 없습니다',
    ],
    es: [
      'No soy un robot',
      'Haz clic en la casilla para verificar',
      'Verificando…',
      'Verificado',
      'La verificación falló. Inténtalo de nuevo.',
      'Verifica que eres humano',
      'Cerrar',
      'Protegido por CaptchaLa',
      'Verificación no disponible',
    ],
    fr: [
      'Je ne suis pas un robot',
      'Cliquez sur la case pour vérifier',
      'Vérification…',
      'Vérifié',
      'La vérification a échoué. Réessayez.',
      'Vérifiez que vous êtes humain',
      'Fermer',
      'Protégé par CaptchaLa',
      'Vérification indisponible',
    ],
    de: [
      'Ich bin kein Roboter',
      'Klicken Sie auf das Kästchen zur Bestätigung',
      'Wird überprüft…',
      'Bestätigt',
      'Überprüfung fehlgeschlagen. Bitte erneut versuchen.',
      'Bestätigen Sie, dass Sie ein Mensch sind',
      'Schließen',
      'Geschützt durch CaptchaLa',
      'Überprüfung nicht verfügbar',
    ],
  }
  var KEYS = [
    'label',
    'prompt',
    'verifying',
    'verified',
    'failed',
    'title',
    'close',
    'brand',
    'unavailable',
  ]

  /** `auto` follows the browser; a tag falls back to its language, then to English. */
  function resolveLang(requested) {
    var wanted =
      !requested || requested === 'auto' ? navigator.languages || [navigator.language] : [requested]
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i] || '')
      var exact = Object.keys(STRINGS).find(function (known) {
        return known.toLowerCase() === tag.toLowerCase()
      })
      if (exact) return exact
      var language = tag.split('-')[0].toLowerCase()
      if (language === 'zh') return /-(tw|hk|mo|hant)/i.test(tag) ? 'zh-TW' : 'zh-CN'
      if (STRINGS[language]) return language
    }
    return 'en'
  }

  function text(lang, key) {
    return STRINGS[lang][KEYS.indexOf(key)]
  }

  function captchaError(code, message) {
    var error = new Error((message || 'CaptchaLa error') + ' (' + code + ')')
    error.code = code
    return error
  }

  function call(path, body) {
    return fetch(new URL(path, apiBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(
      function (response) {
        return response.json().then(function (envelope) {
          if (envelope.code === 0) return envelope.data
          var code = (envelope.data && envelope.data.error) || 'unknown_error'
          throw captchaError(code, envelope.msg)
        })
      },
      function () {
        throw captchaError('network_error', 'CaptchaLa is unreachable')
      },
    )
  }

  function leadingZeroBits(bytes) {
    var bits = 0
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) {
        bits += 8
        continue
      }
      return bits + Math.clz32(bytes[i]) - 24
    }
    return bits
  }

  /** Finds a nonce whose SHA-256(challenge:nonce) starts with `bits` zero bits. */
  async function proofOfWork(challenge, bits) {
    if (!window.crypto || !crypto.subtle) {
      throw captchaError(
        'unsupported_browser',
        'Web Crypto needs a secure context (https or localhost)',
      )
    }
    var encoder = new TextEncoder()
    for (var nonce = 0; ; nonce++) {
      var digest = await crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + nonce))
      if (leadingZeroBits(new Uint8Array(digest)) >= bits) return String(nonce)
    }
  }

  function element(tag, className, parent) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (parent) parent.appendChild(node)
    return node
  }

  function themeClass(theme) {
    return 'cl-theme-' + (theme === 'dark' || theme === 'light' ? theme : 'auto')
  }

  var widgetCount = 0

  function Widget(config) {
    this.config = config || {}
    this.product =
      ['embed', 'popup', 'float', 'bind'].indexOf(this.config.product) >= 0
        ? this.config.product
        : 'embed'
    this.lang = resolveLang(this.config.lang)
    this.id = 'captchala-' + ++widgetCount
    this.handlers = { ready: [], success: [], error: [], close: [] }
    this.state = 'loading' // loading | idle | solving | verified | failed
    this.interactive = true
    this.ready = false
    this.verifyWanted = false
    this.destroyed = false
    this.cleanups = []
    this.root = null
    this.dialog = null
    this.returnFocus = null
    var widget = this
    call('session', this.request()).then(
      function (session) {
        if (widget.destroyed) return
        widget.interactive = session.interactive
        widget.ready = true
        widget.setState('idle')
        widget.emit('ready')
        if (widget.verifyWanted) widget.verify()
        else if (!widget.interactive && widget.product === 'embed' && widget.root) widget.solve()
      },
      function (error) {
        if (widget.destroyed) return
        widget.setState('failed', text(widget.lang, 'unavailable'))
        widget.emit('error', error)
      },
    )
  }

  Widget.prototype.request = function () {
    var body = { app_key: String(this.config.appKey || '') }
    if (this.config.action) body.action = String(this.config.action)
    if (this.config.serverToken) body.server_token = String(this.config.serverToken)
    return body
  }

  Widget.prototype.emit = function (event, payload) {
    var widget = this
    this.handlers[event].forEach(function (handler) {
      try {
        handler.call(widget.api, payload)
      } catch (error) {
        setTimeout(function () {
          throw error
        })
      }
    })
  }

  Widget.prototype.on = function (event, handler) {
    if (typeof handler !== 'function') return
    this.handlers[event].push(handler)
    // A late onReady still hears that the widget is ready.
    if (event === 'ready' && this.ready) {
      var api = this.api
      queueMicrotask(function () {
        handler.call(api)
      })
    }
  }

  /** Builds the check button and the live status line into `parent`. */
  Widget.prototype.renderCheck = function (parent) {
    var widget = this
    var button = element('button', 'cl-check', parent)
    button.type = 'button'
    button.id = this.id + '-check'
    element('span', 'cl-box', button).setAttribute('aria-hidden', 'true')
    element('span', 'cl-label', button)
    var status = element('p', 'cl-status', parent)
    status.id = this.id + '-status'
    status.setAttribute('role', 'status')
    status.setAttribute('aria-live', 'polite')
    button.setAttribute('aria-describedby', status.id)
    element('p', 'cl-brand', parent)
    button.addEventListener('click', function () {
      if (widget.state === 'idle' || widget.state === 'failed') widget.solve()
    })
  }

  Widget.prototype.frame = function (className) {
    var frame = element('div', 'cl-widget ' + className + ' ' + themeClass(this.config.theme))
    frame.setAttribute('lang', this.lang)
    frame.setAttribute('data-captchala', this.product)
    return frame
  }

  Widget.prototype.attach = function (target) {
    var node = typeof target === 'string' ? document.querySelector(target) : target
    if (!node || this.destroyed || this.root) return
    var widget = this
    if (this.product === 'bind') {
      this.root = node
      var onClick = function (event) {
        // Until verified, the bound control starts the challenge instead of its own action.
        if (widget.state === 'verified') return
        event.preventDefault()
        event.stopImmediatePropagation()
        widget.verify()
      }
      node.addEventListener('click', onClick, true)
      this.cleanups.push(function () {
        node.removeEventListener('click', onClick, true)
      })
    } else if (this.product === 'embed') {
      this.root = this.frame('cl-embed')
      this.renderCheck(this.root)
      node.appendChild(this.root)
      if (this.ready && !this.interactive && this.state === 'idle') this.solve()
    } else {
      // popup and float show a small badge where they are attached; the challenge opens on verify().
      this.root = this.frame(this.product === 'float' ? 'cl-float' : 'cl-badge')
      element('p', 'cl-status', this.root).setAttribute('role', 'status')
      this.root.lastChild.setAttribute('aria-live', 'polite')
      element('p', 'cl-brand', this.root)
      ;(this.product === 'float' ? document.body : node).appendChild(this.root)
    }
    this.paint()
  }

  /** Opens the challenge dialog (popup, float and bind products, interactive keys). */
  Widget.prototype.openDialog = function () {
    if (this.dialog) return
    var widget = this
    this.returnFocus = document.activeElement
    var overlay = element('div', 'cl-overlay ' + themeClass(this.config.theme))
    overlay.setAttribute('data-captchala-dialog', this.product)
    var dialog = element('div', 'cl-widget cl-dialog', overlay)
    dialog.setAttribute('role', 'dialog')
    dialog.setAttribute('aria-modal', 'true')
    dialog.setAttribute('lang', this.lang)
    var title = element('h2', 'cl-title', dialog)
    title.id = this.id + '-title'
    dialog.setAttribute('aria-labelledby', title.id)
    var close = element('button', 'cl-close', dialog)
    close.type = 'button'
    close.textContent = '×'
    close.addEventListener('click', function () {
      widget.closeDialog(true)
    })
    this.renderCheck(dialog)
    overlay.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') widget.closeDialog(true)
      if (event.key === 'Tab') {
        // Keep focus inside the dialog while it is open.
        var focusable = dialog.querySelectorAll('button:not([disabled])')
        var first = focusable[0]
        var last = focusable[focusable.length - 1]
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault()
          last.focus()
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault()
          first.focus()
        }
      }
    })
    document.body.appendChild(overlay)
    this.dialog = overlay
    this.paint()
    dialog.querySelector('.cl-check').focus()
  }

  Widget.prototype.closeDialog = function (byUser) {
    if (!this.dialog) return
    this.dialog.remove()
    this.dialog = null
    if (this.returnFocus && this.returnFocus.focus && document.contains(this.returnFocus))
      this.returnFocus.focus()
    this.returnFocus = null
    if (byUser) {
      if (this.state !== 'verified') this.setState('idle')
      this.emit('close')
    }
  }

  Widget.prototype.setState = function (state, message) {
    this.state = state
    this.message = message || ''
    this.paint()
  }

  /** Brings every piece of DOM this widget owns in line with its state and language. */
  Widget.prototype.paint = function () {
    var widget = this
    var lang = this.lang
    var statusText = {
      loading: '',
      idle: this.interactive ? text(lang, 'prompt') : text(lang, 'brand'),
      solving: text(lang, 'verifying'),
      verified: text(lang, 'verified'),
      failed: this.message || text(lang, 'failed'),
    }[this.state]
    ;[this.product === 'bind' ? null : this.root, this.dialog].forEach(function (container) {
      if (!container) return
      var frame = container.classList.contains('cl-overlay') ? container.firstChild : container
      frame.setAttribute('lang', lang)
      frame.setAttribute('data-state', widget.state)
      frame.setAttribute(
        'aria-busy',
        String(widget.state === 'solving' || widget.state === 'loading'),
      )
      container.querySelectorAll('.cl-label').forEach(function (node) {
        node.textContent = text(lang, 'label')
      })
      container.querySelectorAll('.cl-status').forEach(function (node) {
        node.textContent = statusText
      })
      container.querySelectorAll('.cl-brand').forEach(function (node) {
        node.textContent = text(lang, 'brand') + ' · Passline mock'
      })
      container.querySelectorAll('.cl-title').forEach(function (node) {
        node.textContent = text(lang, 'title')
      })
      container.querySelectorAll('.cl-close').forEach(function (node) {
        node.setAttribute('aria-label', text(lang, 'close'))
      })
      container.querySelectorAll('.cl-check').forEach(function (node) {
        node.setAttribute('aria-pressed', String(widget.state === 'verified'))
        node.disabled =
          widget.state === 'solving' || widget.state === 'verified' || widget.state === 'loading'
      })
    })
  }

  /** Asks for the challenge: a click for interactive keys, none for the others. */
  Widget.prototype.verify = function () {
    if (this.destroyed) return
    if (!this.ready) {
      this.verifyWanted = true
      return
    }
    this.verifyWanted = false
    if (this.state === 'solving' || this.state === 'verified') return
    if (!this.interactive) return void this.solve()
    if (this.product === 'embed') {
      var check = this.root && this.root.querySelector('.cl-check')
      if (check) check.focus()
      if (this.root) this.root.classList.add('cl-attention')
      return
    }
    this.openDialog()
  }

  Widget.prototype.solve = async function () {
    if (this.destroyed || this.state === 'solving') return
    this.setState('solving')
    var widget = this
    try {
      var issued = await call('challenge', this.request())
      var nonce = await proofOfWork(issued.challenge, issued.bits)
      var result = await call('solve', { challenge: issued.challenge, nonce: nonce })
      if (widget.destroyed) return
      widget.setState('verified')
      if (widget.root) widget.root.classList.remove('cl-attention')
      widget.closeDialog(false)
      widget.emit('success', { token: result.token, expires_in: result.expires_in })
    } catch (error) {
      if (widget.destroyed) return
      widget.setState('failed')
      widget.emit('error', error)
    }
  }

  Widget.prototype.reset = function () {
    if (this.destroyed) return
    this.closeDialog(false)
    if (this.root && this.root.classList) this.root.classList.remove('cl-attention')
    // Back to unsolved; the next verify() (or click) starts a new challenge.
    if (this.ready) this.setState('idle')
  }

  Widget.prototype.destroy = function () {
    if (this.destroyed) return
    this.destroyed = true
    this.closeDialog(false)
    this.cleanups.forEach(function (cleanup) {
      cleanup()
    })
    if (this.root && this.product !== 'bind') this.root.remove()
    this.root = null
  }

  function init(config) {
    var widget = new Widget(config)
    var api = {}
    var chain = function (run) {
      return function (argument) {
        run(argument)
        return api
      }
    }
    api.onReady = chain(function (handler) {
      widget.on('ready', handler)
    })
    api.onSuccess = chain(function (handler) {
      widget.on('success', handler)
    })
    api.onError = chain(function (handler) {
      widget.on('error', handler)
    })
    api.onClose = chain(function (handler) {
      widget.on('close', handler)
    })
    api.appendTo = chain(function (target) {
      widget.attach(target)
    })
    api.bindTo = chain(function (target) {
      widget.product = 'bind'
      widget.attach(target)
    })
    api.verify = chain(function () {
      widget.verify()
    })
    api.reset = chain(function () {
      widget.reset()
    })
    api.setLang = chain(function (lang) {
      widget.lang = resolveLang(lang)
      widget.paint()
    })
    api.destroy = function () {
      widget.destroy()
    }
    widget.api = api
    return api
  }

  window.Captchala = { init: init, version: 'passline-mock-1' }
})()
