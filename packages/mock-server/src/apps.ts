/** One CaptchaLa application the mock knows: its keys and how its challenges behave. */
export interface MockApp {
  appKey: string
  appSecret: string
  /** The user must click to solve; otherwise the challenge passes without interaction. Default true. */
  interactive?: boolean
  /**
   * `pass` issues `pt_` tokens, `fail` fails every challenge, `degraded` issues `dg_` tokens,
   * `offline` issues `offline_` tokens (as CaptchaLa's SDK does when it cannot reach the primary
   * API; valid only at the backup host's `/api/validate`), `client-only` issues `client_` tokens
   * (checked in the browser only; the API never accepts them). Default `pass`.
   */
  outcome?: 'pass' | 'fail' | 'degraded' | 'offline' | 'client-only'
  /** Pass-token lifetime. Default 120 s. */
  tokenTtlSeconds?: number
  /** The widget's session answers this late, in ms. Default 0. */
  delayMs?: number
  /** Requests per window to the server API, per app key. Default 6000 per minute. */
  rateLimit?: { max: number; windowMs: number }
  /** Challenges without a server token fail with `server_token_required`. Default false. */
  requireServerToken?: boolean
  /**
   * The widget's session is never answered, so the SDK never reports ready (a provider stuck
   * before ready). The request is held until the page gives up or the server closes. Default false.
   */
  neverReady?: boolean
}

export const TEST_SECRET = 'test_secret'

/** The built-in test apps, all with the secret `test_secret`. */
export const TEST_APPS: readonly MockApp[] = [
  { appKey: 'test_pass', appSecret: TEST_SECRET },
  { appKey: 'test_pass_invisible', appSecret: TEST_SECRET, interactive: false },
  { appKey: 'test_fail', appSecret: TEST_SECRET, outcome: 'fail' },
  { appKey: 'test_expire_fast', appSecret: TEST_SECRET, interactive: false, tokenTtlSeconds: 5 },
  { appKey: 'test_degraded', appSecret: TEST_SECRET, interactive: false, outcome: 'degraded' },
  { appKey: 'test_slow', appSecret: TEST_SECRET, interactive: false, delayMs: 3000 },
  { appKey: 'test_offline', appSecret: TEST_SECRET, interactive: false, outcome: 'offline' },
  {
    appKey: 'test_client_only',
    appSecret: TEST_SECRET,
    interactive: false,
    outcome: 'client-only',
  },
  { appKey: 'test_never_ready', appSecret: TEST_SECRET, interactive: false, neverReady: true },
]

export const DEFAULT_TOKEN_TTL_SECONDS = 120
export const DEFAULT_RATE_LIMIT = { max: 6000, windowMs: 60_000 }

/** The test apps plus the caller's; a caller's app replaces a test app with the same key. */
export function appRegistry(extra: readonly MockApp[] = []): ReadonlyMap<string, MockApp> {
  return new Map([...TEST_APPS, ...extra].map((app) => [app.appKey, app]))
}
