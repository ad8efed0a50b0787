import { assertServerSide, CaptchaConfigError } from './config-error'
import { DEFAULT_MAX_RESPONSE_BYTES, failureDetail, isRecord, post, type FetchLike } from './post'

/** A siteverify answer, the same shape for Turnstile, hCaptcha and reCAPTCHA. */
export interface VerifyResult {
  success: boolean
  /** The provider's codes, plus `request_failed`, `action-mismatch`, `hostname-mismatch`, `score-too-low`. */
  errorCodes: string[]
  challengeTs?: string
  hostname?: string
  action?: string
  cdata?: string
  /** reCAPTCHA v3: 1.0 human to 0.0 bot; hCaptcha Enterprise: its risk score. */
  score?: number
  /** The provider's answer as it came, null when none did. */
  raw: unknown
  /** With `request_failed`: why (`timeout`, `http 500`, `redirect (307) not followed`, `too-large`), for logs. */
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
}

/** The form POST every siteverify takes, normalised, failing closed on any doubt. */
export async function siteverify(
  provider: string,
  defaultUrl: string,
  options: SiteverifyOptions,
  extraFields: Record<string, string | undefined> = {},
): Promise<VerifyResult> {
  if (!options?.secret)
    throw new CaptchaConfigError('missing-secret', `verify${provider} needs a secret`)
  assertServerSide(`verify${provider}`)
  if (typeof options.token !== 'string' || !options.token) {
    return { success: false, errorCodes: ['missing-input-response'], raw: null }
  }
  const form = new URLSearchParams({ secret: options.secret, response: options.token })
  if (options.remoteIp) form.set('remoteip', options.remoteIp)
  for (const [name, value] of Object.entries(extraFields)) if (value) form.set(name, value)

  const outcome = await post(
    options.fetch ?? ((input, init) => fetch(input, init)),
    options.url ?? defaultUrl,
    { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
    {
      timeoutMs: options.timeoutMs ?? 5000,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    },
  )
  if (!outcome.ok || !isRecord(outcome.body)) {
    return {
      success: false,
      errorCodes: ['request_failed'],
      raw: outcome.body ?? null,
      detail: failureDetail(outcome),
    }
  }
  const raw = outcome.body
  const codes = raw['error-codes']
  const result: VerifyResult = {
    success: raw.success === true,
    errorCodes: Array.isArray(codes)
      ? codes.filter((code): code is string => typeof code === 'string')
      : [],
    raw,
  }
  if (typeof raw.challenge_ts === 'string') result.challengeTs = raw.challenge_ts
  if (typeof raw.hostname === 'string') result.hostname = raw.hostname
  if (typeof raw.action === 'string') result.action = raw.action
  if (typeof raw.cdata === 'string') result.cdata = raw.cdata
  if (typeof raw.score === 'number') result.score = raw.score
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

export function refuse(result: VerifyResult, code: string): VerifyResult {
  return { ...result, success: false, errorCodes: [...result.errorCodes, code] }
}
