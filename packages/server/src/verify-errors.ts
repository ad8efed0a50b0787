/**
 * What a failed verification asks of you:
 * - `token`: the token is not good. Ask the person again. The only kind an escalation policy
 *   counts against a client (all but `challenge_required`, the policy's own refusal).
 * - `configuration`: your set-up is wrong (secret, site key, request). Alert: nobody passes
 *   until it is fixed.
 * - `unavailable`: the provider did not give a usable answer (outage, timeout, rate limit,
 *   quota). Retry later; never the person's fault.
 */
export type ErrorKind = 'token' | 'configuration' | 'unavailable'

/**
 * Every `Verdict.error`, with its kind: one list for every provider. Providers' own codes are
 * read into these (the original stays in `detail`); anything unknown is `request_failed`.
 */
export const VERIFY_ERRORS = {
  /** No token, or an empty one. */
  missing_token: 'token',
  /** Longer than the provider's cap (`MAX_TOKEN_LENGTH`); never sent. */
  token_too_long: 'token',
  /** Forged, malformed, for another app, a wrong solution, or refused without a reason. */
  invalid_token: 'token',
  token_expired: 'token',
  /** Already used once. */
  token_consumed: 'token',
  /** Turnstile's and reCAPTCHA's `timeout-or-duplicate`: expired or used, they do not say. */
  token_expired_or_consumed: 'token',
  /** Solved for another action than `expectedAction`. */
  token_action_mismatch: 'token',
  /** Solved on another hostname than `expectedHostname`. */
  token_hostname_mismatch: 'token',
  /** reCAPTCHA v3: below `minScore`. */
  token_score_too_low: 'token',
  /** CaptchaLa: bound to another IP or user. */
  token_binding_mismatch: 'token',
  /**
   * hCaptcha: minted for another site key. A token's fault, since any client can send one from
   * another site; if every request gets it, check `siteKey`.
   */
  site_key_mismatch: 'token',
  /** CaptchaLa: a `client_` token, checked only in the browser (see `acceptClientOnly`). */
  client_only: 'token',
  /**
   * The escalation policy asked for the stricter challenge, and this was not its answer. Not
   * counted by the policy: nothing was verified, or the token was valid but not the answer.
   */
  challenge_required: 'token',
  /** The secret (or CaptchaLa app secret) is wrong, missing, or a test secret for real tokens. */
  invalid_secret: 'configuration',
  /** The site key (CaptchaLa app key) is unknown or disabled. */
  invalid_site_key: 'configuration',
  /** The provider refused the request as malformed. */
  bad_request: 'configuration',
  /** No secret or site key was configured (a lazy config that came back empty). */
  not_configured: 'configuration',
  /** The provider's rate limit (HTTP 429, `rate_limit_exceeded`). */
  rate_limit_exceeded: 'unavailable',
  /** CaptchaLa issued a degraded (`dg_`) token: over quota, it could not challenge. */
  degraded: 'unavailable',
  /**
   * No usable answer: network, timeout, abort, 5xx, redirect, oversized, unknown; for ALTCHA
   * and Cap, a store that failed (whether the solution was used before cannot be known).
   */
  request_failed: 'unavailable',
} as const satisfies Record<string, ErrorKind>

export type VerifyError = keyof typeof VERIFY_ERRORS

/** The kind of a `Verdict.error`. */
export function errorKind(error: VerifyError): ErrorKind {
  return VERIFY_ERRORS[error]
}
