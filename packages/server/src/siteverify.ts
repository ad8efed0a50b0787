import { assertServerSide, CaptchaConfigError } from './config-error'
import { DEFAULT_MAX_RESPONSE_BYTES, failureDetail, isRecord, post, type FetchLike } from './post'
import { readErrorCodes, type SiteverifyError } from './siteverify-errors'
import { tokenProblem, tokenProblemDetail } from './token-shape'

/** A siteverify answer, the same shape for Turnstile, hCaptcha, reCAPTCHA and Friendly Captcha. */
export interface VerifyResult {
  success: boolean
  /**
   * Codes from `SITEVERIFY_ERRORS`: the provider's documented ones, plus Passline's
   * `request_failed`, `rate_limit_exceeded`, `action-mismatch`, `hostname-mismatch`,
   * `score-too-low`, `token-too-long`. An unknown code becomes `request_failed`.
   */
  errorCodes: SiteverifyError[]
  challengeTs?: string
  hostname?: string
  action?: string
  cdata?: string
  /** reCAPTCHA v3: 1.0 human to 0.0 bot; hCaptcha Enterprise: its risk score. */
  score?: number
  /** The provider's answer as it came, null when none did. */
  raw: unknown
  /**
   * Why, for logs: `timeout`, `http 500: <the provider's message>`, `redirect (307) not
   * followed`, `too-large`, an unknown code. Sanitised, at most 200 characters.
   */
  detail?: string
}

export interface SiteverifyOptions {
  secret: string
  /** The response token from the browser. */
  token: unknown
  remoteIp?: string | null
  /** Refuse a token solved for another action. */
  expectedAction?: string
  /** Refuse a token solved on another hostname. */
  expectedHostname?: string
  /** Siteverify URL override: `@passline/mock-server`, a proxy. */
  url?: string
  /** Default 5000 ms. */
  timeoutMs?: number
  /** Answers longer than this are refused while they stream (`request_failed`). Default 64 KiB. */
  maxResponseBytes?: number
  fetch?: FetchLike
  /** Longer tokens are refused unsent (`token-too-long`). Default: the provider's, see `MAX_TOKEN_LENGTH`. */
  maxTokenLength?: number
  /** Aborting it ends the call: `request_failed`, detail `aborted`. */
  signal?: AbortSignal
}

/**
 * The form POST Turnstile's, hCaptcha's and reCAPTCHA's siteverify take, normalised, failing
 * closed on any doubt. (Friendly Captcha's JSON one: `friendly-siteverify.ts`.)
 */
export async function siteverify(
  provider: string,
  defaultUrl: string,
  options: SiteverifyOptions,
  extra: { fields?: Record<string, string | undefined>; maxTokenLength: number },
): Promise<VerifyResult> {
  if (!options?.secret)
    throw new CaptchaConfigError('missing-secret', `verify${provider} needs a secret`)
  assertServerSide(`verify${provider}`)
  const maxTokenLength = options.maxTokenLength ?? extra.maxTokenLength
  const problem = tokenProblem(options.token, maxTokenLength)
  if (problem === 'missing')
    return { success: false, errorCodes: ['missing-input-response'], raw: null }
  if (problem) {
    const detail = tokenProblemDetail(problem, maxTokenLength)
    const code = problem === 'too-long' ? 'token-too-long' : 'invalid-input-response'
    return { success: false, errorCodes: [code], raw: null, detail }
  }
  const form = new URLSearchParams({ secret: options.secret, response: options.token as string })
  if (options.remoteIp) form.set('remoteip', options.remoteIp)
  for (const [name, value] of Object.entries(extra.fields ?? {})) if (value) form.set(name, value)

  const outcome = await post(
    options.fetch ?? ((input, init) => fetch(input, init)),
    options.url ?? defaultUrl,
    { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
    {
      timeoutMs: options.timeoutMs ?? 5000,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      signal: options.signal,
    },
  )
  if (!outcome.ok || !isRecord(outcome.body)) {
    // A 429 is the provider's rate limit, a 5xx an outage, whatever their bodies say.
    const limited = !outcome.ok && outcome.status === 429
    return {
      success: false,
      errorCodes: [limited ? 'rate_limit_exceeded' : 'request_failed'],
      raw: outcome.body ?? null,
      detail: failureDetail(outcome),
    }
  }
  const raw = outcome.body
  const read = readErrorCodes(raw['error-codes'])
  const result: VerifyResult = {
    success: raw.success === true && read.codes.length === 0,
    errorCodes: read.codes,
    raw,
    ...(read.detail && { detail: read.detail }),
  }
  if (typeof raw.challenge_ts === 'string') result.challengeTs = raw.challenge_ts
  if (typeof raw.hostname === 'string') result.hostname = raw.hostname
  if (typeof raw.action === 'string') result.action = raw.action
  if (typeof raw.cdata === 'string') result.cdata = raw.cdata
  if (typeof raw.score === 'number') result.score = raw.score
  return checkExpected(result, options)
}

/**
 * A success for another action or hostname than the caller expects is refused; a failure that
 * named no code is `invalid-input-response`.
 */
export function checkExpected(
  result: VerifyResult,
  options: Pick<SiteverifyOptions, 'expectedAction' | 'expectedHostname'>,
): VerifyResult {
  if (
    result.success &&
    options.expectedAction !== undefined &&
    result.action !== options.expectedAction
  ) {
    return refuse(result, 'action-mismatch')
  }
  if (
    result.success &&
    options.expectedHostname !== undefined &&
    result.hostname !== options.expectedHostname
  ) {
    return refuse(result, 'hostname-mismatch')
  }
  if (!result.success && result.errorCodes.length === 0)
    result.errorCodes = ['invalid-input-response']
  return result
}

export function refuse(result: VerifyResult, code: SiteverifyError): VerifyResult {
  return { ...result, success: false, errorCodes: [...result.errorCodes, code] }
}
