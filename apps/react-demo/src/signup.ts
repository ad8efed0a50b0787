// The page's settings from the query string and the backend's config, the options every widget
// on the page shares, and the call to the demo backend with its outcome as a message. Each
// sample carries its own copy of this file, so any one of them can be copied out and run alone.
import type { CaptchaErrorCode, CaptchaOptions } from '@passline/react'

export type Mode = 'embed' | 'bind' | 'invisible'
// ALTCHA and Cap: the backend issues their challenges; their `siteKey` is where the widget asks.
export type ProviderName =
  'captchala' | 'turnstile' | 'hcaptcha' | 'recaptcha' | 'altcha' | 'cap' | 'friendlycaptcha'
export type Theme = 'auto' | 'light' | 'dark'

export const PROVIDERS: { name: ProviderName; label: string }[] = [
  { name: 'captchala', label: 'CaptchaLa' },
  { name: 'turnstile', label: 'Cloudflare Turnstile' },
  { name: 'hcaptcha', label: 'hCaptcha' },
  { name: 'recaptcha', label: 'Google reCAPTCHA' },
  { name: 'altcha', label: 'ALTCHA' },
  { name: 'cap', label: 'Cap' },
  { name: 'friendlycaptcha', label: 'Friendly Captcha' },
]

export interface SiteKeyChoice {
  key: string
  label: string
  version?: 'v2' | 'v3'
}

/** What `GET /api/config` tells the page: each provider's script and the keys to pick from. */
export interface DemoConfig {
  providers: Record<ProviderName, { scriptUrl: string; siteKeys: SiteKeyChoice[] }> &
    Record<'cap', { wasmUrl: string }>
}

export async function loadDemoConfig(): Promise<DemoConfig> {
  return (await (await fetch('/api/config')).json()) as DemoConfig
}

export interface PageSettings {
  provider: ProviderName
  mode: Mode
  siteKey: SiteKeyChoice
  language: string
  theme: Theme
  extraWidgets: number
}

export function pageSettings(
  config: DemoConfig,
  query = new URLSearchParams(location.search),
): PageSettings {
  const named = query.get('provider')
  const provider = PROVIDERS.find((entry) => entry.name === named)?.name ?? 'captchala'
  const keys = config.providers[provider].siteKeys
  const mode = query.get('mode')
  const theme = query.get('theme')
  return {
    provider,
    // The popup bound to a button is CaptchaLa's product; the others render a widget.
    mode: mode === 'invisible' || (mode === 'bind' && provider === 'captchala') ? mode : 'embed',
    siteKey: keys.find((entry) => entry.key === query.get('key')) ?? keys[0]!,
    language: query.get('lang') ?? 'auto',
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    extraWidgets: Math.min(Number(query.get('widgets') ?? 0) || 0, 50),
  }
}

/** What every widget on the page shares: provider, key, script, nonce and look. */
export function sharedOptions(
  settings: PageSettings,
  config: DemoConfig,
  look: { language: string; theme: Theme; nonce: string | undefined },
): CaptchaOptions {
  const { provider, siteKey } = settings
  // Cap's widget fetches its WASM solver from jsDelivr unless told where (Cap's own setting):
  // from the backend, so nothing leaves the site.
  if (provider === 'cap' && typeof window !== 'undefined')
    (window as { CAP_CUSTOM_WASM_URL?: string }).CAP_CUSTOM_WASM_URL = config.providers.cap.wasmUrl
  return {
    provider,
    siteKey: siteKey.key,
    scriptUrl: config.providers[provider].scriptUrl,
    ...look,
    ...(siteKey.version ? { version: siteKey.version } : {}),
  } as CaptchaOptions
}

/** The signup widget's flow: invisible runs only on submit; `bind` attaches to the button. */
export function flowOptions(mode: Mode) {
  return {
    action: 'signup',
    execution: mode === 'invisible' ? ('execute' as const) : ('render' as const),
    ...(mode === 'bind' ? { product: 'bind' as const } : {}),
  }
}

/** The flow and the key decide what is rendered, so changing either reloads the page. */
export function reloadWith(name: string, value: string) {
  const query = new URLSearchParams(location.search)
  query.set(name, value)
  if (name === 'provider') query.delete('key')
  location.search = query.toString()
}

export interface SignupOutcome {
  message: string
  /** Set when the backend asks for a challenge solved with this server token. */
  serverToken?: string
}

export async function submitSignup(
  email: string,
  captchaToken: string,
  settings: PageSettings,
): Promise<SignupOutcome> {
  const response = await fetch('/api/signup', {
    method: 'POST',
    // Without it the browser sends the string as text/plain, which JSON body parsers skip.
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email,
      captchaToken,
      provider: settings.provider,
      siteKey: settings.siteKey.key,
    }),
  })
  const body = (await response.json()) as { error?: string; reason?: string; serverToken?: string }
  if (response.ok) return { message: `Welcome, ${email}! Your account is ready.` }
  if (body.error === 'challenge_required' && body.serverToken) {
    return {
      message: 'One more check: please solve the challenge again.',
      serverToken: body.serverToken,
    }
  }
  if (body.error === 'challenge_required') {
    // Only CaptchaLa can answer the backend's stronger check; the other providers cannot.
    return { message: 'Too many failed attempts: switch to CaptchaLa for one more check.' }
  }
  return { message: `Signup refused: ${body.reason ?? body.error ?? response.status}` }
}

// What a person reads when the captcha fails: what happened, in their words, and what to do.
// A widget that could not load or start tries again by itself (the core heals it while it is
// mounted) and a submit tries at once, so those messages say both; the rest say what to do.
const CAPTCHA_PROBLEMS: Record<CaptchaErrorCode, string> = {
  'script-load-failed':
    'The security check could not load. Check your connection: it tries again by itself, or at once when you submit.',
  'script-timeout':
    'The security check is taking too long to load. Check your connection: it tries again by itself, or at once when you submit.',
  'ready-timeout':
    'The security check did not start. It tries again by itself, or at once when you submit.',
  'not-mounted': 'The security check is not on the page yet. Wait a moment, then submit again.',
  'provider-error':
    'The security check ran into a problem. It tries again by itself, or at once when you submit.',
  'challenge-failed': 'The security check was not passed. Please try again.',
  'challenge-closed':
    'The security check was closed before it was finished. Submit again when ready.',
  expired: 'The security check timed out. Submit again for a new one.',
  timeout: 'The security check took too long. Submit again to try once more.',
  aborted: 'The security check was interrupted. Submit again.',
  destroyed: 'The security check was removed from the page. Reload the page.',
  'invalid-options': 'The security check is misconfigured on this page.',
  'unsupported-environment': 'This browser cannot run the security check.',
  'server-token-failed':
    'The extra security check could not be prepared. Check your connection: it tries again by itself, or at once when you submit.',
}

export function captchaProblem(code: CaptchaErrorCode): string {
  return CAPTCHA_PROBLEMS[code]
}
