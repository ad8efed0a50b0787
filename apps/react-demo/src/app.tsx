import { Captcha, isCaptchaError, useCaptcha, type CaptchaOptions } from '@passline/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import {
  captchaProblem,
  flowOptions,
  loadDemoConfig,
  pageSettings,
  PROVIDERS,
  reloadWith,
  sharedOptions,
  submitSignup,
  type DemoConfig,
  type Theme,
} from './signup'

const LANGUAGES = ['auto', 'en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es', 'fr', 'de']
// Vite puts the page's CSP nonce here; the loader and what it loads carry it on.
const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined

export function App() {
  const [config, setConfig] = useState<DemoConfig | null>(null)
  useEffect(() => {
    void loadDemoConfig().then(setConfig)
  }, [])
  return (
    <main>
      <h1>
        Sign up <small>React</small>
      </h1>
      {config ? <SignupForm config={config} /> : <p>Loading…</p>}
    </main>
  )
}

function SignupForm({ config }: { config: DemoConfig }) {
  const [settings] = useState(() => pageSettings(config))
  const [language, setLanguage] = useState(settings.language)
  const [theme, setTheme] = useState(settings.theme)
  const [serverToken, setServerToken] = useState<string>()
  const [result, setResult] = useState('')
  const form = useRef<HTMLFormElement>(null)
  const { mode, provider } = settings
  const shared = sharedOptions(settings, config, { language, theme, nonce })
  // A server token (CaptchaLa's escalation) only ever arrives for CaptchaLa.
  const captcha = useCaptcha({
    ...shared,
    ...flowOptions(mode),
    ...(serverToken && { serverToken }),
  } as CaptchaOptions)

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
      const outcome = await submitSignup(email, token, settings)
      setResult(outcome.message)
      // Escalation: the backend wants a challenge solved with the server token it issued.
      if (outcome.serverToken) setServerToken(outcome.serverToken)
    } catch (error) {
      // Nothing to undo: the form keeps what was typed, and the next submit starts afresh.
      setResult(isCaptchaError(error) ? captchaProblem(error.code) : String(error))
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
            Provider{' '}
            <select
              id="provider"
              value={provider}
              onChange={(e) => reloadWith('provider', e.target.value)}
            >
              {PROVIDERS.map(({ name, label }) => (
                <option key={name} value={name}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Flow{' '}
            <select id="mode" value={mode} onChange={(e) => reloadWith('mode', e.target.value)}>
              <option value="embed">Embedded widget</option>
              <option value="bind" disabled={provider !== 'captchala'}>
                Popup on the submit button
              </option>
              <option value="invisible">Invisible, on submit</option>
            </select>
          </label>
          <label>
            Key{' '}
            <select
              id="app-key"
              value={settings.siteKey.key}
              onChange={(e) => reloadWith('key', e.target.value)}
            >
              {config.providers[provider].siteKeys.map(({ key, label }) => (
                <option key={key} value={key}>
                  {label}
                </option>
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
            <select id="theme" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
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
        {captcha.error ? ` (${captcha.error.code}) — ${captchaProblem(captcha.error.code)}` : ''}
      </p>
      <p id="result" role="alert">
        {result}
      </p>
      {/* For the "twenty widgets, one script" check: extra widgets sharing the page's one load. */}
      <div id="extra-widgets" className="extra">
        {Array.from({ length: settings.extraWidgets }, (_, i) => (
          <Captcha key={i} {...shared} action={`extra-${i}`} />
        ))}
      </div>
    </>
  )
}
