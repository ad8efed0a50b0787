import { Captcha, isCaptchaError, useCaptcha, type CaptchaOptions } from '@passline/solid'
import { createEffect, createResource, createSignal, For, Index, Show } from 'solid-js'
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
  const [config] = createResource(loadDemoConfig)
  return (
    <main>
      <h1>
        Sign up <small>Solid</small>
      </h1>
      <Show when={config()} fallback={<p>Loading…</p>}>
        {(loaded) => <SignupForm config={loaded()} />}
      </Show>
    </main>
  )
}

function SignupForm(props: { config: DemoConfig }) {
  // The page's settings are read once: changing the flow, key or provider reloads the page.
  const config = props.config
  const settings = pageSettings(config)
  const { mode, provider } = settings
  const [language, setLanguage] = createSignal(settings.language)
  const [theme, setTheme] = createSignal<Theme>(settings.theme)
  const [serverToken, setServerToken] = createSignal<string>()
  const [result, setResult] = createSignal('')
  let form!: HTMLFormElement
  const shared = () =>
    sharedOptions(settings, config, { language: language(), theme: theme(), nonce })
  // A server token (CaptchaLa's escalation) only ever arrives for CaptchaLa.
  const captcha = useCaptcha(
    () =>
      ({
        ...shared(),
        ...flowOptions(mode),
        ...(serverToken() && { serverToken: serverToken() }),
      }) as CaptchaOptions,
  )

  // With the popup bound to the button, the click that solved the challenge submits the form.
  createEffect(() => {
    if (mode === 'bind' && captcha.status() === 'verified') form.requestSubmit()
  })

  async function onSubmit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault()
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
      <form id="signup" ref={form} onSubmit={onSubmit} novalidate>
        <label>
          Email <input name="email" type="email" value="ada@example.com" required />
        </label>
        <div class="settings">
          <label>
            Provider{' '}
            <select
              id="provider"
              value={provider}
              onChange={(event) => reloadWith('provider', event.currentTarget.value)}
            >
              <For each={PROVIDERS}>
                {({ name, label }) => <option value={name}>{label}</option>}
              </For>
            </select>
          </label>
          <label>
            Flow{' '}
            <select
              id="mode"
              value={mode}
              onChange={(event) => reloadWith('mode', event.currentTarget.value)}
            >
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
              onChange={(event) => reloadWith('key', event.currentTarget.value)}
            >
              <For each={config.providers[provider].siteKeys}>
                {({ key, label }) => <option value={key}>{label}</option>}
              </For>
            </select>
          </label>
          <label>
            Language{' '}
            <select
              id="language"
              value={language()}
              onChange={(event) => setLanguage(event.currentTarget.value)}
            >
              <For each={LANGUAGES}>{(tag) => <option>{tag}</option>}</For>
            </select>
          </label>
          <label>
            Theme{' '}
            <select
              id="theme"
              value={theme()}
              onChange={(event) => setTheme(event.currentTarget.value as Theme)}
            >
              <option>auto</option>
              <option>light</option>
              <option>dark</option>
            </select>
          </label>
        </div>
        <div id="captcha" class="captcha" ref={mode === 'bind' ? undefined : captcha.ref} />
        <button id="submit" type="submit" ref={mode === 'bind' ? captcha.ref : undefined}>
          Create account
        </button>
      </form>
      <p id="status" role="status">
        Captcha: {captcha.status()}
        {captcha.error()
          ? ` (${captcha.error()!.code}) — ${captchaProblem(captcha.error()!.code)}`
          : ''}
      </p>
      <p id="result" role="alert">
        {result()}
      </p>
      {/* For the "twenty widgets, one script" check: extra widgets sharing the page's one load. */}
      <div id="extra-widgets" class="extra">
        <Index each={Array.from({ length: settings.extraWidgets })}>
          {(_, index) => <Captcha {...shared()} action={`extra-${index}`} />}
        </Index>
      </div>
    </>
  )
}
