import { Captcha, isCaptchaError, useCaptcha } from '@passline/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { pageSettings, submitSignup, type PageSettings } from './signup'

const LANGUAGES = ['auto', 'en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es', 'fr', 'de']
const TEST_KEYS = ['test_pass', 'test_pass_invisible', 'test_fail', 'test_expire_fast', 'test_slow']
// Vite puts the page's CSP nonce here; the loader and what it loads carry it on.
const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined

export function App() {
  const [settings] = useState(pageSettings)
  const [loaderUrl, setLoaderUrl] = useState<string | null>(null)
  useEffect(() => {
    void fetch('/api/config')
      .then((response) => response.json() as Promise<{ loaderUrl: string }>)
      .then((config) => setLoaderUrl(config.loaderUrl))
  }, [])
  return (
    <main>
      <h1>
        Sign up <small>React</small>
      </h1>
      {loaderUrl ? <SignupForm settings={settings} loaderUrl={loaderUrl} /> : <p>Loading…</p>}
    </main>
  )
}

/** The flow decides where the widget lives, so changing it reloads the page with the new choice. */
function reloadWith(name: string, value: string) {
  const query = new URLSearchParams(location.search)
  query.set(name, value)
  location.search = query.toString()
}

function SignupForm({ settings, loaderUrl }: { settings: PageSettings; loaderUrl: string }) {
  const [language, setLanguage] = useState(settings.language)
  const [theme, setTheme] = useState(settings.theme)
  const [serverToken, setServerToken] = useState<string>()
  const [result, setResult] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const { mode } = settings
  const shared = { siteKey: settings.appKey, scriptUrl: loaderUrl, nonce, language, theme }
  const captcha = useCaptcha({
    ...shared,
    action: 'signup',
    serverToken,
    execution: mode === 'invisible' ? 'execute' : 'render',
    product: mode === 'bind' ? 'bind' : 'embed',
  })

  // With the popup bound to the button, the click that solved the challenge submits the form.
  useEffect(() => {
    if (mode === 'bind' && captcha.status === 'verified') form.current?.requestSubmit()
  }, [mode, captcha.status])

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // Read before the first await: React clears currentTarget once the handler returns.
    const email = new FormData(event.currentTarget).get('email') as string
    setResult('Checking…')
    try {
      // Tokens are single-use: consume() hands one out and readies the widget for the next try.
      const token = await captcha.consume({ minTtlMs: 2000 })
      const outcome = await submitSignup(email, token, settings.appKey)
      setResult(outcome.message)
      // Escalation: the backend wants a challenge solved with the server token it issued.
      if (outcome.serverToken) setServerToken(outcome.serverToken)
    } catch (error) {
      setResult(isCaptchaError(error) ? `Captcha error: ${error.code}` : String(error))
    }
  }

  return (
    <>
      <form id="signup" ref={form} onSubmit={onSubmit} noValidate>
        <label>
          Email <input name="email" type="email" defaultValue="ada@example.com" required />
        </label>
        <div className="settings">
          <label>
            Flow{' '}
            <select id="mode" value={mode} onChange={(e) => reloadWith('mode', e.target.value)}>
              <option value="embed">Embedded widget</option>
              <option value="bind">Popup on the submit button</option>
              <option value="invisible">Invisible, on submit</option>
            </select>
          </label>
          <label>
            Test key{' '}
            <select
              id="app-key"
              value={settings.appKey}
              onChange={(e) => reloadWith('key', e.target.value)}
            >
              {TEST_KEYS.map((key) => (
                <option key={key}>{key}</option>
              ))}
            </select>
          </label>
          <label>
            Language{' '}
            <select id="language" value={language} onChange={(e) => setLanguage(e.target.value)}>
              {LANGUAGES.map((tag) => (
                <option key={tag}>{tag}</option>
              ))}
            </select>
          </label>
          <label>
            Theme{' '}
            <select
              id="theme"
              value={theme}
              onChange={(e) => setTheme(e.target.value as PageSettings['theme'])}
            >
              <option>auto</option>
              <option>light</option>
              <option>dark</option>
            </select>
          </label>
        </div>
        <div id="captcha" className="captcha" ref={mode === 'bind' ? undefined : captcha.ref} />
        <button id="submit" type="submit" ref={mode === 'bind' ? captcha.ref : undefined}>
          Create account
        </button>
      </form>
      <p id="status" role="status">
        Captcha: {captcha.status}
        {captcha.error ? ` (${captcha.error.code})` : ''}
      </p>
      <p id="result" role="alert">
        {result}
      </p>
      <button id="retry" type="button" hidden={captcha.status !== 'error'} onClick={captcha.reset}>
        Retry the captcha
      </button>
      {/* For the "twenty widgets, one script" check: extra widgets sharing the page's one load. */}
      <div id="extra-widgets" className="extra">
        {Array.from({ length: settings.extraWidgets }, (_, i) => (
          <Captcha key={i} {...shared} action={`extra-${i}`} />
        ))}
      </div>
    </>
  )
}
