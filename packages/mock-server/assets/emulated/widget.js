/* Shared by the emulated Turnstile, hCaptcha and reCAPTCHA scripts, which the server wraps
 * together with this file in one function: a checkbox widget (or an invisible one) that asks
 * this server for a token, so tokens carry what siteverify checks. Styles are set through
 * CSSOM, which a strict style-src allows, and no further script or style is fetched. */
/* exported emulatedScript, createEmulatedWidget, mockCall, emulatedContainer, emulatedContainerById, emulatedWhenBody, emulatedDataParams, emulatedCaller, emulatedStart */

var emulatedScript = new URL(
  document.currentScript && document.currentScript.src ? document.currentScript.src : location.href,
)

var WIDGET_STRINGS = {
  en: [
    'I am human',
    'Verifying…',
    'Success!',
    'Verification failed',
    'Expired. Verify again.',
    'Verify you are human',
    'Close',
    'For testing only. Do not use in production.',
  ],
  de: [
    'Ich bin ein Mensch',
    'Wird überprüft…',
    'Erfolg!',
    'Überprüfung fehlgeschlagen',
    'Abgelaufen. Erneut bestätigen.',
    'Bestätigen Sie, dass Sie ein Mensch sind',
    'Schließen',
    'Nur zum Testen. Nicht produktiv verwenden.',
  ],
  fr: [
    'Je suis humain',
    'Vérification…',
    'Réussi !',
    'Échec de la vérification',
    'Expiré. Vérifiez à nouveau.',
    'Vérifiez que vous êtes humain',
    'Fermer',
    'Pour les tests uniquement.',
  ],
  es: [
    'Soy humano',
    'Verificando…',
    '¡Listo!',
    'La verificación falló',
    'Caducado. Verifica de nuevo.',
    'Verifica que eres humano',
    'Cerrar',
    'Solo para pruebas.',
  ],
  ja: [
    '私は人間です',
    '確認中…',
    '成功しました',
    '確認に失敗しました',
    '期限切れです。もう一度確認してください。',
    '人間であることを確認してください',
    '閉じる',
    'テスト専用です。',
  ],
  ko: [
    '사람입니다',
    '확인 중…',
    '성공!',
    '확인 실패',
    '만료되었습니다. 다시 확인하세요.',
    '사람인지 확인해 주세요',
    '닫기',
    '테스트 전용입니다.',
  ],
  'zh-CN': [
    '我是真人',
    '正在验证…',
    '验证成功',
    '验证失败',
    '已过期，请重新验证。',
    '请验证您是真人',
    '关闭',
    '仅供测试使用。',
  ],
  'zh-TW': [
    '我是真人',
    '正在驗證…',
    '驗證成功',
    '驗證失敗',
    '已過期，請重新驗證。',
    '請驗證您是真人',
    '關閉',
    '僅供測試使用。',
  ],
}
var WIDGET_TEXT_KEYS = [
  'label',
  'verifying',
  'success',
  'failed',
  'expired',
  'title',
  'close',
  'testOnly',
]

/** `auto` or nothing follows the browser; a tag falls back to its language, then English. */
function widgetStrings(requested) {
  var wanted =
    !requested || requested === 'auto' ? navigator.languages || [navigator.language] : [requested]
  var lang = 'en'
  for (var i = 0; i < wanted.length && lang === 'en'; i++) {
    var tag = String(wanted[i] || '')
    var base = tag.split('-')[0].toLowerCase()
    if (base === 'zh') lang = /-(tw|hk|mo|hant)/i.test(tag) ? 'zh-TW' : 'zh-CN'
    else if (WIDGET_STRINGS[base]) lang = base
  }
  var strings = { lang: lang }
  WIDGET_TEXT_KEYS.forEach(function (key, index) {
    strings[key] = WIDGET_STRINGS[lang][index]
  })
  return strings
}

/**
 * POSTs to this server's widget API (or to `base`, the origin a provider's widget was told to
 * use); resolves `{ ok, data }`, never rejects.
 */
function mockCall(provider, path, body, base) {
  return fetch(new URL(provider + '/mock/' + path, (base || emulatedScript.origin) + '/'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(
    function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, data: data }
      })
    },
    function () {
      return { ok: false, data: { error: 'network-error' } }
    },
  )
}

function styled(tag, style, parent) {
  var node = document.createElement(tag)
  Object.assign(node.style, style)
  if (parent) parent.appendChild(node)
  return node
}

function darkTheme(theme) {
  return (
    theme === 'dark' || (theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
  )
}

/**
 * One widget in `host`. `options`: provider, brand, sitekey, theme, size ('invisible' draws
 * no box), lang, action, cdata, autoRun (solve on render and reset, as a managed Turnstile
 * does), refreshExpired, badge, and the callbacks onToken(token), onError(code), onExpired(),
 * onOpen(), onClose(), and onTimeout() with timeoutCode and refreshTimeout for providers
 * whose interactive challenge times out. `api` is the origin its calls go to (default this
 * script's), `origin` the page's origin sent with a solve (a widget in a frame of the API's
 * origin), onStart() is told when a solve starts, and onInteractive(), when given, replaces
 * the dialog an interactive key's execute() opens (the widget itself waits for the click);
 * onReady(session) is told when the emulator has answered for the site key.
 * Returns execute, reset, remove, response, expired.
 */
function createEmulatedWidget(host, options) {
  var strings = widgetStrings(options.lang)
  var dark = darkTheme(options.theme)
  var colors = dark
    ? { background: '#222', border: '#555', text: '#eee', accent: '#6cb4ff' }
    : { background: '#fafafa', border: '#d0d0d0', text: '#222', accent: '#0a66c2' }
  var state = 'idle'
  var response = ''
  var interactive = true
  var removed = false
  var run = 0
  var expiryTimer = 0
  var dialog = null
  var session = null
  // The interactive challenge on screen, as the emulator signed it, and its timer: it times
  // out on the emulator's clock (a late solve is refused) and here (the callback fires).
  var shown = null
  var shownTimer = 0
  var root = styled('div', {}, host)
  root.setAttribute('data-emulated-provider', options.provider)
  root.setAttribute('lang', strings.lang)
  var box, check, label, status

  if (options.size !== 'invisible') {
    box = styled(
      'div',
      {
        display: 'inline-flex',
        alignItems: 'center',
        gap: '10px',
        boxSizing: 'border-box',
        width:
          options.size === 'flexible' ? '100%' : options.size === 'compact' ? '160px' : '300px',
        minHeight: '65px',
        padding: '10px 12px',
        border: '1px solid ' + colors.border,
        borderRadius: '4px',
        background: colors.background,
        color: colors.text,
        font: '14px system-ui, sans-serif',
        colorScheme: dark ? 'dark' : 'light',
      },
      root,
    )
    box.setAttribute('data-theme', dark ? 'dark' : 'light')
    check = styled(
      'button',
      {
        width: '24px',
        height: '24px',
        flex: 'none',
        border: '2px solid ' + colors.border,
        borderRadius: '3px',
        background: dark ? '#333' : '#fff',
        color: colors.accent,
        cursor: 'pointer',
        fontSize: '18px',
        lineHeight: '18px',
        padding: '0',
      },
      box,
    )
    check.type = 'button'
    check.setAttribute('role', 'checkbox')
    check.setAttribute('aria-checked', 'false')
    check.setAttribute('aria-label', strings.label)
    check.addEventListener('click', function () {
      if (state !== 'verifying' && state !== 'solved') solve()
    })
    var texts = styled('div', { display: 'flex', flexDirection: 'column', gap: '2px' }, box)
    label = styled('span', {}, texts)
    label.textContent = strings.label
    status = styled('span', { fontSize: '12px', opacity: '0.8' }, texts)
    status.setAttribute('role', 'status')
    status.setAttribute('aria-live', 'polite')
    var brand = styled('span', { marginLeft: 'auto', fontSize: '10px', opacity: '0.7' }, box)
    brand.textContent = options.brand
  } else if (options.badge) {
    // reCAPTCHA's invisible badge: inline, or fixed to a corner.
    var corner = options.badge === 'bottomleft' ? { left: '14px' } : { right: '14px' }
    var badge = styled(
      'div',
      Object.assign(
        { padding: '6px 10px', background: '#f9f9f9', color: '#555', font: '11px system-ui' },
        options.badge === 'inline'
          ? {}
          : Object.assign({ position: 'fixed', bottom: '14px' }, corner),
      ),
      root,
    )
    badge.textContent = options.brand
  }

  function paint(next, message) {
    state = next
    if (!box) return
    check.setAttribute('aria-checked', next === 'solved' ? 'true' : 'false')
    check.textContent = next === 'solved' ? '✓' : ''
    check.disabled = next === 'verifying'
    status.textContent = message || ''
  }

  function solve() {
    var mine = ++run
    var challenge = shown
    forgetChallenge()
    closeDialog(false)
    paint('verifying', strings.verifying)
    if (options.onStart) options.onStart()
    return ready.then(function () {
      return mockCall(
        options.provider,
        'solve',
        {
          sitekey: options.sitekey,
          action: options.action,
          cdata: options.cdata,
          version: session && session.version,
          challenge: challenge || undefined,
          origin: options.origin,
        },
        options.api,
      ).then(function (answer) {
        if (removed || mine !== run) return
        if (!answer.ok && options.timeoutCode && answer.data.error === options.timeoutCode) {
          return timeOut()
        }
        if (!answer.ok) {
          paint('failed', strings.failed)
          return options.onError(answer.data.error)
        }
        response = answer.data.token
        paint('solved', strings.success)
        clearTimeout(expiryTimer)
        expiryTimer = setTimeout(expire, answer.data.expires_in * 1000)
        options.onToken(response)
      })
    })
  }

  function expire() {
    // Handed to the callback: Turnstile's expired-callback receives the token that expired.
    var expiredToken = response
    response = ''
    paint('expired', strings.expired)
    options.onExpired(expiredToken)
    if (options.refreshExpired === 'auto') solve()
  }

  /** Shows the person an interactive challenge: from now on it can time out. */
  function present() {
    if (!options.onTimeout || removed) return
    var mine = run
    mockCall(options.provider, 'challenge', { sitekey: options.sitekey }, options.api).then(
      function (answer) {
        if (!answer.ok || removed || mine !== run) return
        forgetChallenge()
        shown = answer.data.challenge
        shownTimer = setTimeout(timeOut, answer.data.expires_in * 1000)
      },
    )
  }

  function forgetChallenge() {
    clearTimeout(shownTimer)
    shown = null
  }

  /** The challenge waited too long: the provider's callback, then a fresh one if it refreshes. */
  function timeOut() {
    forgetChallenge()
    closeDialog(false)
    paint('expired', strings.expired)
    options.onTimeout()
    if (options.refreshTimeout === 'auto' && options.autoRun && interactive) {
      paint('idle')
      present()
    }
  }

  function openDialog() {
    if (dialog) return
    var overlay = styled('div', {
      position: 'fixed',
      inset: '0',
      background: 'rgba(0, 0, 0, 0.45)',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      zIndex: '2147483000',
    })
    var panel = styled(
      'div',
      {
        background: colors.background,
        color: colors.text,
        padding: '20px',
        borderRadius: '6px',
        minWidth: '260px',
        font: '14px system-ui, sans-serif',
        display: 'flex',
        flexDirection: 'column',
        gap: '12px',
      },
      overlay,
    )
    panel.setAttribute('role', 'dialog')
    panel.setAttribute('aria-modal', 'true')
    panel.setAttribute('aria-label', strings.title)
    panel.setAttribute('data-emulated-challenge', options.provider)
    var title = styled('strong', {}, panel)
    title.textContent = strings.title
    var confirm = styled('button', { padding: '8px', cursor: 'pointer' }, panel)
    confirm.type = 'button'
    confirm.textContent = strings.label
    confirm.addEventListener('click', solve)
    var close = styled('button', { padding: '4px', cursor: 'pointer' }, panel)
    close.type = 'button'
    close.textContent = strings.close
    close.addEventListener('click', function () {
      closeDialog(true)
    })
    overlay.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') closeDialog(true)
    })
    document.body.appendChild(overlay)
    dialog = overlay
    confirm.focus()
    present()
    if (options.onOpen) options.onOpen()
  }

  function closeDialog(byUser) {
    if (!dialog) return
    dialog.remove()
    dialog = null
    if (byUser) {
      forgetChallenge()
      paint('idle')
      if (options.onClose) options.onClose()
    }
  }

  var ready = mockCall(options.provider, 'session', { sitekey: options.sitekey }, options.api).then(
    function (answer) {
      if (removed) return
      if (!answer.ok) {
        paint('failed', answer.data.message || strings.failed)
        options.onError(answer.data.error)
        throw new Error(answer.data.error)
      }
      session = answer.data
      interactive = session.interactive
      if (session.invisible && box) box.style.display = 'none'
      if (session.test && box && !session.invisible) {
        var banner = styled('div', { color: '#c00', fontSize: '11px' }, root)
        banner.textContent = strings.testOnly
      }
      if (options.onReady) options.onReady(session)
      if (options.autoRun && !interactive) solve()
      // An interactive widget in render mode shows its challenge now (Turnstile's forced one).
      else if (options.autoRun && box) present()
    },
  )
  ready.catch(function () {})

  return {
    /** Started from code: an interactive key still needs the user, in a dialog. */
    execute: function () {
      return ready.then(function () {
        if (state === 'verifying' || removed) return
        if (interactive && options.onInteractive) options.onInteractive()
        else if (interactive) openDialog()
        else solve()
      })
    },
    reset: function () {
      run++
      clearTimeout(expiryTimer)
      forgetChallenge()
      closeDialog(false)
      response = ''
      paint('idle')
      if (options.autoRun && session && !interactive) solve()
      else if (options.autoRun && session && box) present()
    },
    remove: function () {
      removed = true
      run++
      clearTimeout(expiryTimer)
      forgetChallenge()
      closeDialog(false)
      root.remove()
    },
    response: function () {
      return response
    },
    expired: function () {
      return state === 'expired'
    },
  }
}

/** Turnstile's container: an element or a CSS selector (its docs: `render('#example')`). */
function emulatedContainer(target) {
  return typeof target === 'string' ? document.querySelector(target) : target
}

/** hCaptcha's and reCAPTCHA's container: an element or an element's id (their docs). */
function emulatedContainerById(target) {
  return typeof target === 'string' ? document.getElementById(target) : target
}

/** Runs `append` once the page has a body: a script in <head> runs before there is one. */
function emulatedWhenBody(append) {
  if (document.body) return append(document.body)
  document.addEventListener('DOMContentLoaded', function () {
    append(document.body)
  })
}

/** A container's `data-*` attributes as render parameters; `*callback` names become functions. */
function emulatedDataParams(container) {
  var params = {}
  for (var i = 0; i < container.attributes.length; i++) {
    var attribute = container.attributes[i]
    if (attribute.name.indexOf('data-') !== 0) continue
    var name = attribute.name.slice(5)
    params[name] = /callback$/.test(name) ? window[attribute.value] : attribute.value
  }
  return params
}

/** Calls the render parameter `name` with the remaining arguments, when it is a function. */
function emulatedCaller(params) {
  return function (name) {
    var callback = params[name]
    if (typeof callback === 'function')
      return callback.apply(null, Array.prototype.slice.call(arguments, 1))
  }
}

/**
 * What every provider script does once its API is defined: render the marked containers unless
 * `?render=explicit` (or a v3 site key), then call `?onload=`, after the current task as the
 * real scripts do after fetching the rest of themselves.
 */
function emulatedStart(implicitRender) {
  var render = emulatedScript.searchParams.get('render')
  var onload = emulatedScript.searchParams.get('onload')
  if (!render || render === 'onload') {
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', implicitRender)
    else setTimeout(implicitRender)
  }
  if (onload) {
    setTimeout(function () {
      if (typeof window[onload] === 'function') window[onload]()
    })
  }
}
