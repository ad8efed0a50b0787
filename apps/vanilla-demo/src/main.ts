// The signup page with @passline/core alone: create a controller, mount it, and ask it for a
// token on submit. Everything else (loading, refresh before expiry, errors) is the core's.
import { createCaptcha, isCaptchaError, type Captcha } from '@passline/core'
import {
  captchaProblem,
  flowOptions,
  loadDemoConfig,
  pageSettings,
  PROVIDERS,
  reloadWith,
  sharedOptions,
  submitSignup,
} from './signup'

const form = document.querySelector<HTMLFormElement>('#signup')!
const status = document.querySelector<HTMLElement>('#status')!
const result = document.querySelector<HTMLElement>('#result')!
const submitButton = document.querySelector<HTMLButtonElement>('#submit')!
const select = (id: string) => document.querySelector<HTMLSelectElement>(`#${id}`)!

const config = await loadDemoConfig()
const settings = pageSettings(config)
select('provider').append(...PROVIDERS.map(({ name, label }) => new Option(label, name)))
select('app-key').append(
  ...config.providers[settings.provider].siteKeys.map(({ key, label }) => new Option(label, key)),
)
select('mode').querySelector<HTMLOptionElement>('[value=bind]')!.disabled =
  settings.provider !== 'captchala'
select('provider').value = settings.provider
select('mode').value = settings.mode
select('app-key').value = settings.siteKey.key
select('language').value = settings.language
select('theme').value = settings.theme

for (const [id, name] of [
  ['provider', 'provider'],
  ['mode', 'mode'],
  ['app-key', 'key'],
] as const) {
  select(id).addEventListener('change', () => reloadWith(name, select(id).value))
}

// Vite puts the page's CSP nonce here; the loader and what it loads carry it on.
const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined
const shared = sharedOptions(settings, config, {
  language: settings.language,
  theme: settings.theme,
  nonce,
})

const captcha: Captcha = createCaptcha({ ...shared, ...flowOptions(settings.mode) })
// Before mounting, so the status line also says `loading`: a subscriber hears changes only.
captcha.subscribe((state) => {
  const problem = state.error && ` (${state.error.code}) — ${captchaProblem(state.error.code)}`
  status.textContent = `Captcha: ${state.status}${problem || ''}`
})
captcha.mount(
  settings.mode === 'bind' ? submitButton : document.querySelector<HTMLElement>('#captcha')!,
)
// With the popup bound to the button, the click that solved the challenge submits the form.
if (settings.mode === 'bind') captcha.on('verify', () => form.requestSubmit())
select('language').addEventListener('change', () =>
  captcha.update({ language: select('language').value }),
)
select('theme').addEventListener('change', () =>
  captcha.update({ theme: select('theme').value as 'auto' | 'light' | 'dark' }),
)

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  result.textContent = 'Checking…'
  try {
    // Tokens are single-use: consume() hands one out and readies the widget for the next try.
    const token = await captcha.consume({ minTtlMs: 2000 })
    const outcome = await submitSignup(new FormData(form).get('email') as string, token, settings)
    result.textContent = outcome.message
    // Escalation: the backend wants a challenge solved with the server token it issued.
    if (outcome.serverToken) captcha.update({ serverToken: outcome.serverToken })
  } catch (error) {
    // Nothing to undo: the form keeps what was typed, and the next submit starts afresh.
    result.textContent = isCaptchaError(error) ? captchaProblem(error.code) : String(error)
  }
})

// For the "twenty widgets, one script" check: extra widgets sharing the page's one load.
for (let i = 0; i < settings.extraWidgets; i++) {
  const element = document
    .querySelector('#extra-widgets')!
    .appendChild(document.createElement('div'))
  createCaptcha({ ...shared, action: `extra-${i}` }).mount(element)
}
