/**
 * The providers' real hosts, and where the emulator serves what each one answers: a page's
 * production script URLs and a backend's production API URLs reach the emulator unchanged
 * (Playwright's routing, MSW). Sources: reference/provider-protocols.md.
 */
interface ProviderHost {
  hosts: readonly string[]
  /** The emulator's path for the provider's: the provider's name in front, unless already there. */
  prefix?: string
  /** Only these paths are the provider's; the rest of the host is someone else's. */
  only?: RegExp
}

const FRIENDLY_API_HOSTS = ['global', 'global0', 'global1', 'eu', 'eu0', 'eu1'].map(
  (name) => `${name}.frcapi.com`,
)

export const PROVIDER_HOSTS: readonly ProviderHost[] = [
  // CaptchaLa: the loader CDN (and its fallback), which also serves the SDK, its styles and,
  // since the SDK derives its API from its own URL, the widget's API (`/captchala/v1/...`).
  { hosts: ['cdn.captcha-cdn.net', 'cdn.captchala.com'] },
  // CaptchaLa's server API and its backup host (`/api/validate`).
  { hosts: ['apiv1.captcha.la', 'fallbackapiv1.captchala.com'] },
  // Turnstile: api.js and siteverify are under /turnstile/ already, as the widget's calls are.
  { hosts: ['challenges.cloudflare.com'], prefix: '/turnstile' },
  // hCaptcha: `js.` serves /1/api.js, `api.` siteverify; the legacy host only siteverify.
  { hosts: ['js.hcaptcha.com', 'api.hcaptcha.com'], prefix: '/hcaptcha' },
  { hosts: ['hcaptcha.com'], prefix: '/hcaptcha', only: /^\/siteverify$/ },
  // reCAPTCHA: Google's host and its mirror under /recaptcha/; gstatic serves its assets.
  { hosts: ['www.google.com', 'www.recaptcha.net'], only: /^\/recaptcha\// },
  {
    hosts: ['www.gstatic.com', 'gstatic.com'],
    prefix: '/recaptcha/gstatic',
    only: /^\/recaptcha\//,
  },
  // Friendly Captcha: its site script on jsDelivr, where its docs load it from (the rest of
  // jsDelivr is everyone else's); under /friendlycaptcha/npm/ on the emulator.
  {
    hosts: ['cdn.jsdelivr.net'],
    prefix: '/friendlycaptcha',
    only: /^\/npm\/@friendlycaptcha\/sdk(@[^/]+)?\/site(\.compat)?(\.nopolyfill)?(\.min)?\.js$/,
  },
  // Its API hosts, global and EU with the fallbacks the SDK retries: siteverify and the frames
  // at their own paths (the SDK takes only an origin from `apiEndpoint`), the widget's calls.
  {
    hosts: FRIENDLY_API_HOSTS,
    only: /^\/(api\/v2\/captcha\/|friendlycaptcha\/mock\/)/,
  },
]

const byHost = new Map(PROVIDER_HOSTS.flatMap((entry) => entry.hosts.map((host) => [host, entry])))

/** Whether `url` is one of the providers' that the emulator answers. */
export function isProviderUrl(url: URL): boolean {
  if (url.protocol !== 'https:') return false
  const entry = byHost.get(url.hostname)
  return Boolean(entry && (!entry.only || entry.only.test(url.pathname)))
}

/** The emulator's path for `url`: a provider's URL mapped, any other (the mock server's) as is. */
export function emulatorPath(url: URL): string {
  if (!isProviderUrl(url)) return url.pathname
  const { prefix } = byHost.get(url.hostname)!
  if (!prefix || url.pathname.startsWith(`${prefix}/`)) return url.pathname
  return prefix + url.pathname
}

/**
 * The providers' URLs as MSW's URL patterns (one per host and path family). In Node a backend calls only
 * the validation APIs, but a jsdom page's scripts are fetched there too: one list serves both.
 */
export const PROVIDER_URL_PATTERNS: readonly string[] = [
  'https://cdn.captcha-cdn.net/*',
  'https://cdn.captchala.com/*',
  'https://apiv1.captcha.la/*',
  'https://fallbackapiv1.captchala.com/*',
  'https://challenges.cloudflare.com/*',
  'https://js.hcaptcha.com/*',
  'https://api.hcaptcha.com/*',
  'https://hcaptcha.com/siteverify',
  'https://www.google.com/recaptcha/*',
  'https://www.recaptcha.net/recaptcha/*',
  'https://www.gstatic.com/recaptcha/*',
  'https://gstatic.com/recaptcha/*',
  'https://cdn.jsdelivr.net/npm/@friendlycaptcha/*',
  ...FRIENDLY_API_HOSTS.map((host) => `https://${host}/*`),
]
