// The plain form in index.html, enhanced: its settings from the query and the backend's
// config, the status line, and the flows that need a script (invisible and popup: the
// challenge runs on submit). The token itself is always posted by the browser.
import '@passline/element/define'
import { isCaptchaError, type CaptchaOptions, type PasslineCaptchaElement } from '@passline/element'
import {
  captchaProblem,
  flowOptions,
  loadDemoConfig,
  OUTCOME_KEYS,
  pageSettings,
  reloadWith,
  sharedOptions,
  signupOutcome,
  type Theme,
} from './signup'

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!
const form = $<HTMLFormElement>('#signup')
const captcha = $<PasslineCaptchaElement>('#captcha')
const result = $<HTMLParagraphElement>('#result')
const status = $<HTMLParagraphElement>('#status')
// Vite puts the page's CSP nonce here; the loader and what it loads carry it on.
const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined

const config = await loadDemoConfig()
const settings = pageSettings(config)
const { mode, provider } = settings
let look = { language: settings.language, theme: settings.theme, nonce }

// The outcome of the form posted just before (the backend redirected back here), shown once.
const outcome = signupOutcome()
if (outcome) {
  result.textContent = outcome.message
  if (outcome.email) $<HTMLInputElement>('input[name=email]').value = outcome.email
  const query = new URLSearchParams(location.search)
  for (const key of OUTCOME_KEYS) query.delete(key)
  history.replaceState(null, '', `?${query}`)
}

// The settings as the form's fields and the switchers show them.
$<HTMLInputElement>('input[name=provider]').value = provider
$<HTMLInputElement>('input[name=siteKey]').value = settings.siteKey.key
$<HTMLSelectElement>('#provider').value = provider
$<HTMLSelectElement>('#mode').value = mode
$<HTMLOptionElement>('#mode option[value=bind]').disabled = provider !== 'captchala'
$<HTMLSelectElement>('#app-key').append(
  ...config.providers[provider].siteKeys.map(({ key, label }) => new Option(label, key)),
)
$<HTMLSelectElement>('#app-key').value = settings.siteKey.key
$<HTMLSelectElement>('#language').value = look.language
$<HTMLSelectElement>('#theme').value = look.theme
for (const [select, name] of [
  ['#provider', 'provider'],
  ['#mode', 'mode'],
  ['#app-key', 'key'],
] as const) {
  $<HTMLSelectElement>(select).addEventListener('change', (event) =>
    reloadWith(name, (event.target as HTMLSelectElement).value),
  )
}

// The embedded widget is a required field: the browser will not post the form without its
// token. Invisible and popup flows run the challenge on submit instead (CaptchaLa's popup
// opens from the submit, since the element cannot bind it to the button).
Object.assign(captcha, sharedOptions(settings, config, look), flowOptions(mode), {
  ...(mode === 'bind' ? { product: 'popup' } : {}),
  // A server token (CaptchaLa's escalation) only ever arrives for CaptchaLa.
  ...(outcome?.serverToken ? { serverToken: outcome.serverToken } : {}),
} satisfies Partial<CaptchaOptions>)
captcha.required = mode === 'embed'

const extras = Array.from({ length: settings.extraWidgets }, (_, index) => {
  const extra = document.createElement('passline-captcha')
  Object.assign(extra, sharedOptions(settings, config, look), { action: `extra-${index}` })
  return extra
})
$('#extra-widgets').append(...extras)

// Language and theme change the live widgets in place.
for (const select of ['#language', '#theme']) {
  $<HTMLSelectElement>(select).addEventListener('change', () => {
    look = {
      ...look,
      language: $<HTMLSelectElement>('#language').value,
      theme: $<HTMLSelectElement>('#theme').value as Theme,
    }
    for (const element of [captcha, ...extras]) Object.assign(element, look)
  })
}

function showStatus() {
  const { status: current, error } = captcha.getState()
  status.textContent = `Captcha: ${current}${error ? ` (${error.code}) — ${captchaProblem(error.code)}` : ''}`
}
captcha.addEventListener('passline-status', showStatus)
// While it heals the status stays `error`; a failed attempt may bring another error with it.
captcha.addEventListener('passline-error', showStatus)
showStatus()

// Invisible and popup: without a token yet the submit asks for one and posts the form once it
// is there; the browser posts the token as the `captchaToken` field. (The embedded widget is
// required, so the browser itself stops a submit until it is solved: no script is involved.)
let solving = false
async function solveThenSubmit() {
  if (solving) return
  solving = true
  result.textContent = 'Checking…'
  try {
    await captcha.getToken({ minTtlMs: 2000 })
    form.requestSubmit()
  } catch (error) {
    // Nothing to undo: the form keeps what was typed, and the next submit starts afresh.
    result.textContent = isCaptchaError(error) ? captchaProblem(error.code) : String(error)
  } finally {
    solving = false
  }
}
form.addEventListener('submit', (event) => {
  if (captcha.value) return
  event.preventDefault()
  void solveThenSubmit()
})
