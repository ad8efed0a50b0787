import type { Verdict } from './verdict'
import { VERIFY_ERRORS } from './verify-errors'

/** What a refused request is answered, as JSON. */
export interface RefusalBody {
  error: 'captcha_failed'
  /**
   * A token code of `VERIFY_ERRORS` (ask the person again), `challenge_required` (show the
   * stricter challenge), `blocked` (too many failures: `retryAfter` seconds) or `unavailable`
   * (the provider or your set-up failed: not the person's fault; see your metrics).
   */
  reason: string
  retryAfter?: number
  /** Present when the client must now answer the stricter challenge: your `offer`'s fields. */
  challenge?: Record<string, unknown>
}

export interface Refusal {
  /** 403: the token; 429: blocked; 503: the provider or your set-up. */
  status: 403 | 429 | 503
  headers: Record<string, string>
  body: RefusalBody
}

export function refusal(
  status: Refusal['status'],
  reason: string,
  extra: Partial<RefusalBody> = {},
  headers: Record<string, string> = {},
): Refusal {
  return { status, headers, body: { error: 'captcha_failed', reason, ...extra } }
}

/**
 * The answer for a failed verdict, as the guards give it: 403 with the token's code, or 503
 * `unavailable` for an outage or a configuration error (whose details are for your logs and
 * metrics, not for the client). For route handlers: `Response.json(body, { status })`.
 */
export function refusalFor(verdict: Verdict): Refusal {
  const error = verdict.error ?? 'invalid_token'
  return VERIFY_ERRORS[error] === 'token' ? refusal(403, error) : refusal(503, 'unavailable')
}
