import type { CaptchaError } from './errors'

export type ProviderName =
  'captchala' | 'turnstile' | 'hcaptcha' | 'recaptcha' | 'altcha' | 'cap' | 'friendlycaptcha'

export interface RetryOptions {
  /** How many times the script is requested in all, the first try included. Default 2. */
  attempts?: number
  /** Wait before the second try; doubles after each failure. Default 500 ms. */
  baseDelayMs?: number
}

interface CommonOptions {
  /** CaptchaLa: the app key. Other providers: the site key. Required. */
  siteKey: string
  /** The business action (`login`, `register`, ...), checked again by your server. */
  action?: string
  /** `'auto'` (default) follows the browser; otherwise a BCP 47 tag such as `'zh-CN'`. */
  language?: string
  theme?: 'auto' | 'light' | 'dark'
  /** `'render'` (default) shows the challenge on mount; `'execute'` only on `execute()`/`getToken()`. */
  execution?: 'render' | 'execute'
  /**
   * `'auto'` (default) fetches a new token before the current one expires; `'manual'` marks it
   * expired and resets the widget for the user; `'never'` only marks it expired.
   */
  refresh?: 'auto' | 'manual' | 'never'
  /** How long before expiry an automatic refresh starts. Default: 30 s, at most a fifth of the lifetime. */
  refreshMarginMs?: number
  /** Overrides the provider's known token lifetime. */
  tokenTtlMs?: number
  /** Loader URL override: the mock server, self-hosting or a proxy. */
  scriptUrl?: string
  /** CSP nonce, set as an attribute on every element Passline injects. */
  nonce?: string
  /** Timeout of each script load step. Default 10 000 ms. */
  loadTimeoutMs?: number
  retry?: RetryOptions
  /**
   * How long a rendered widget may take to report that it is ready (including fetching a
   * server token) before the attempt fails with `ready-timeout`. Default 10 000 ms.
   */
  readyTimeoutMs?: number
  /**
   * How long a call made while nothing is mounted waits for a `mount()` (a page still
   * hydrating) before it rejects with `not-mounted`. Default 5 000 ms.
   */
  mountTimeoutMs?: number
}

export interface CaptchalaOptions extends CommonOptions {
  provider?: 'captchala'
  /** Widget presentation. Default `'embed'`. With `'bind'` the mounted element triggers the challenge. */
  product?: 'embed' | 'popup' | 'float' | 'bind'
  /** A server-issued challenge token (`sct_...`) for high-risk flows. */
  serverToken?: string
  /** Fetches a server token; called before the first render when `serverToken` is absent, and again when one expires or is rejected. */
  getServerToken?: () => Promise<string>
}

export interface TurnstileOptions extends CommonOptions {
  provider: 'turnstile'
  cData?: string
  appearance?: 'always' | 'execute' | 'interaction-only'
  size?: 'normal' | 'flexible' | 'compact'
}

export interface HcaptchaOptions extends CommonOptions {
  provider: 'hcaptcha'
  size?: 'normal' | 'compact' | 'invisible'
  rqdata?: string
}

export interface RecaptchaOptions extends CommonOptions {
  provider: 'recaptcha'
  version?: 'v2' | 'v3'
  size?: 'normal' | 'compact' | 'invisible'
  badge?: 'bottomright' | 'bottomleft' | 'inline'
}

/**
 * ALTCHA (self-hosted proof of work): `siteKey` is the URL your server answers with a challenge
 * (`@passline/server`'s `issueChallenge()`), the `<altcha-widget challenge>` attribute.
 */
export interface AltchaOptions extends CommonOptions {
  provider: 'altcha'
}

/**
 * Cap (self-hosted proof of work): `siteKey` is the API endpoint your server answers
 * `challenge` and `redeem` under (`data-cap-api-endpoint`; a standalone Cap server's
 * `https://<instance>/<site key>/`).
 */
export interface CapOptions extends CommonOptions {
  provider: 'cap'
}

export interface FriendlyCaptchaOptions extends CommonOptions {
  provider: 'friendlycaptcha'
  /** `'global'` (default), `'eu'`, or a URL: where the widget fetches its puzzle. */
  apiEndpoint?: string
  /** When the widget starts solving by itself. Default `'focus'` (`'none'` with `execution: 'execute'`). */
  startMode?: 'auto' | 'focus' | 'none'
}

export type CaptchaOptions =
  | CaptchalaOptions
  | TurnstileOptions
  | HcaptchaOptions
  | RecaptchaOptions
  | AltchaOptions
  | CapOptions
  | FriendlyCaptchaOptions

export type CaptchaStatus =
  'idle' | 'loading' | 'ready' | 'solving' | 'verified' | 'expired' | 'error'

/** An immutable snapshot: the same object until something in it changes. */
export interface CaptchaState {
  readonly status: CaptchaStatus
  /** Non-null only while `status === 'verified'`. */
  readonly token: string | null
  /** Epoch ms at which `token` stops being valid, while verified. */
  readonly expiresAt: number | null
  readonly error: CaptchaError | null
}

export interface CaptchaEvents {
  verify: (token: string) => void
  expire: () => void
  error: (error: CaptchaError) => void
  close: () => void
}

export interface GetTokenOptions {
  /** The token must have at least this long left; otherwise a new one is obtained. Default 0. */
  minTtlMs?: number
  signal?: AbortSignal
  /** Rejects this call with `timeout` after this long; the challenge itself goes on for others. */
  timeoutMs?: number
}

export interface Captcha {
  /** The current snapshot, the same object until something changes. */
  getState(): CaptchaState
  subscribe(listener: (state: CaptchaState) => void): () => void
  on<E extends keyof CaptchaEvents>(event: E, handler: CaptchaEvents[E]): () => void
  /** Renders into `container` (loading the script on first use) and returns its unmount. */
  mount(container: HTMLElement): () => void
  /** Runs a new challenge now, even when a token is held. */
  execute(options?: Omit<GetTokenOptions, 'minTtlMs'>): Promise<string>
  /**
   * A token with at least `minTtlMs` left, running the challenge when needed; after a failure
   * it starts a fresh attempt. Always settles: with default options within 60 s, except while
   * a person solves a challenge on screen (see the README's guarantee).
   */
  getToken(options?: GetTokenOptions): Promise<string>
  /** `getToken()`, then `reset()`: tokens are single-use. */
  consume(options?: GetTokenOptions): Promise<string>
  /** Drops the token and any error, and makes the widget ready for a new challenge. */
  reset(): void
  /** Applies changed options: theme, language and action take effect on the live widget. */
  update(options: Partial<CaptchaOptions>): void
  /** Tears everything down. Idempotent; pending calls reject with `destroyed`. */
  destroy(): void
}
