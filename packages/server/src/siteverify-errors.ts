import { joinDetail, sanitizeDetail } from './detail'

/**
 * Every code a `VerifyResult.errorCodes` can hold: the siteverify codes Turnstile, hCaptcha,
 * reCAPTCHA and Friendly Captcha document, and Passline's own. A code that is not here never passes through:
 * it becomes `request_failed`, with the original only in the result's capped `detail`.
 */
export const SITEVERIFY_ERRORS = [
  // The providers' (Cloudflare, hCaptcha and Google docs; hCaptcha's official plugin).
  'missing-input-secret',
  'invalid-input-secret',
  'missing-input-response',
  'invalid-input-response',
  'bad-request',
  'timeout-or-duplicate',
  'internal-error',
  'expired-input-response',
  'already-seen-response',
  'invalid-or-already-seen-response',
  'missing-remoteip',
  'invalid-remoteip',
  'not-using-dummy-passcode',
  'not-using-dummy-secret',
  'sitekey-secret-mismatch',
  'invalid-sitekey',
  // Friendly Captcha v2's `error.error_code` (its siteverify docs).
  'auth_required',
  'auth_invalid',
  'sitekey_invalid',
  'response_missing',
  'response_invalid',
  'response_timeout',
  'response_duplicate',
  'bad_request',
  // Passline's.
  'action-mismatch',
  'hostname-mismatch',
  'score-too-low',
  /** Longer than `maxTokenLength`; never sent. (Not a token at all: `invalid-input-response`.) */
  'token-too-long',
  /** HTTP 429 from the provider. */
  'rate_limit_exceeded',
  /** No usable answer: network, timeout, 5xx, redirect, not JSON, or a code not listed here. */
  'request_failed',
] as const

export type SiteverifyError = (typeof SITEVERIFY_ERRORS)[number]

const KNOWN = new Set<string>(SITEVERIFY_ERRORS)

/**
 * `error-codes` as the provider sent it (a list, or one string, as some answers have it) read
 * into known codes; unknown ones turn into `request_failed`, named in `detail`.
 */
export function readErrorCodes(value: unknown): { codes: SiteverifyError[]; detail?: string } {
  const given = (Array.isArray(value) ? value : [value]).filter(
    (code): code is string => typeof code === 'string' && code.length > 0,
  )
  const codes: SiteverifyError[] = []
  const unknown: string[] = []
  for (const code of given.flatMap((entry) => entry.split(/[\s,]+/)).filter(Boolean)) {
    if (KNOWN.has(code)) codes.push(code as SiteverifyError)
    else unknown.push(code)
  }
  if (!unknown.length) return { codes }
  return {
    codes: [...codes, 'request_failed'],
    detail: joinDetail('unknown error code', sanitizeDetail(unknown.join(', '))),
  }
}
