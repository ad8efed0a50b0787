/**
 * Every `error` a `CaptchalaClient` result can carry: CaptchaLa's own codes (its SDKs'
 * `Errors.php`) and the few Passline adds. An upstream code that is not here never passes
 * through: it becomes `unknown_error` (a validation answer) or `request_failed` (anything
 * else), with the original only in the result's capped `detail`.
 */
export const CAPTCHALA_ERRORS = [
  // The token: ask the person again.
  'empty_token',
  'invalid_token',
  'token_expired',
  'token_consumed',
  'token_action_mismatch',
  'token_ip_mismatch',
  'token_uid_mismatch',
  /** Passline's: a `client_` token, checked only in the browser (see `acceptClientOnly`). */
  'client_only',
  /** Passline's: longer than `maxTokenLength`; never sent. (Not a token at all: `invalid_token`.) */
  'token_too_long',
  /** CaptchaLa handled the request and said no without a code Passline knows. */
  'unknown_error',
  // Your set-up or call.
  'invalid_app_key',
  'invalid_app_secret',
  'app_disabled',
  'invalid_action',
  'invalid_request',
  // CaptchaLa: retry later.
  'rate_limit_exceeded',
  /** Passline's: no usable answer (network, timeout, 5xx, redirect, not CaptchaLa's envelope). */
  'request_failed',
] as const

export type CaptchalaError = (typeof CAPTCHALA_ERRORS)[number]

// Spellings seen in third-party code for codes CaptchaLa lists under another name.
const ALIASES: Record<string, CaptchalaError> = {
  token_already_used: 'token_consumed',
  token_not_found: 'invalid_token',
  challenge_not_found: 'invalid_token',
  invalid_answer: 'invalid_token',
}

const KNOWN = new Set<string>(CAPTCHALA_ERRORS)

/** CaptchaLa's code as one of `CAPTCHALA_ERRORS`, or undefined when it is not one. */
export function knownCaptchalaError(code: unknown): CaptchalaError | undefined {
  if (typeof code !== 'string') return undefined
  if (KNOWN.has(code)) return code as CaptchalaError
  return Object.hasOwn(ALIASES, code) ? ALIASES[code] : undefined
}
