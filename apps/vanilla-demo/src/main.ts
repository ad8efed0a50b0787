// The signup page with @passline/core alone: create a controller, mount it, and ask it for a
// token on submit. Everything else (loading, refresh before expiry, errors) is the core's.
import { createCaptcha, isCaptchaError, type Captcha } from '@passline/core'
import { pageSettings, submitSignup, type Mode } from './signup'

const form = document.querySelector<HTMLFormElement>('#signup')!
const status = document.querySelector<HTMLElement>('#status')!
const result = document.querySelector<HTMLElement>('#result')!
const retry = document.querySelector<HTMLButtonElement>('#retry')!
const submitButton = document.querySelector<HTMLButtonElement>('#submit')!
const select = (id: string) => document.querySelector<HTMLSelectElement>(`#${id}`)!

const settings = pageSettings()
select('mode').value = settings.mode
select('app-key').value = settings.appKey
select('language').value = settings.language
select('theme').value = settings.theme

// The flow decides where the widget lives, so changing it reloads the page with the new choice.
for (const id of ['mode', 'app-key']) {
  select(id).addEventListener('change', () => {
    const query = new URLSearchParams(location.search)
    query.set(id === 'mode' ? 'mode' : 'key', select(id).value)
    location.search = query.toString()
  })
}

const { loaderUrl } = (await (await fetch('/api/config')).json()) as { loaderUrl: string }
// Vite puts the page's CSP nonce here; the loader and what it loads carry it on.
const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined

function optionsFor(mode: Mode) {
  return {
    siteKey: settings.appKey,
    action: 'signup',
    scriptUrl: loaderUrl,
    nonce,
    language: settings.language,
    theme: settings.theme,
    execution: mode === 'invisible' ? ('execute' as const) : ('render' as const),
    product: mode === 'bind' ? ('bind' as const) : ('embed' as const),
  }
}

const captcha: Captcha = createCaptcha(optionsFor(settings.mode))
captcha.mount(
  settings.mode === 'bind' ? submitButton : document.querySelector<HTMLElement>('#captcha')!,
)
// With the popup bound to the button, the click that solved the challenge submits the form.
if (settings.mode === 'bind') captcha.on('verify', () => form.requestSubmit())
captcha.subscribe((state) => {
  status.textContent = `Captcha: ${state.status}${state.error ? ` (${state.error.code})` : ''}`
  retry.hidden = state.status !== 'error'
})
retry.addEventListener('click', () => captcha.reset())
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
    const outcome = await submitSignup(
      new FormData(form).get('email') as string,
      token,
      settings.appKey,
    )
    result.textContent = outcome.message
    // Escalation: the backend wants a challenge solved with the server token it issued.
    if (outcome.serverToken) captcha.update({ serverToken: outcome.serverToken })
  } catch (error) {
    result.textContent = isCaptchaError(error) ? `Captcha error: ${error.code}` : String(error)
  }
})

// For the "twenty widgets, one script" check: extra widgets sharing the page's one load.
for (let i = 0; i < settings.extraWidgets; i++) {
  const element = document
    .querySelector('#extra-widgets')!
    .appendChild(document.createElement('div'))
  createCaptcha({ ...optionsFor('embed'), action: `extra-${i}` }).mount(element)
}
