/**
 * Every way a CAPTCHA call can fail. Codes carry the meaning; messages stay short.
 * @see https://github.com/passline/passline/tree/main/packages/core#errors
 */
export type CaptchaErrorCode =
  | 'script-load-failed'
  | 'script-timeout'
  | 'ready-timeout'
  | 'provider-error'
  | 'challenge-failed'
  | 'challenge-closed'
  | 'expired'
  | 'timeout'
  | 'aborted'
  | 'destroyed'
  | 'invalid-options'
  | 'unsupported-environment'
  | 'server-token-failed'
  | 'not-mounted'

export interface CaptchaErrorDetails {
  /** The provider's own code, e.g. CaptchaLa's `server_token_expired` or Turnstile's `110200`. */
  providerCode?: string | undefined
  cause?: unknown
}

/**
 * After these the widget still works (it shows the provider's own retry): the next challenge
 * resets it and runs it again. After any other error no working widget is left.
 */
export const widgetSurvives = (code: CaptchaErrorCode): boolean =>
  code === 'challenge-failed' || code === 'expired'

/** The only error type Passline rejects or throws with; check `code`, not the message. */
export class CaptchaError extends Error {
  declare readonly name: 'CaptchaError'
  declare readonly code: CaptchaErrorCode
  declare readonly providerCode: string | undefined

  constructor(code: CaptchaErrorCode, { providerCode, cause }: CaptchaErrorDetails = {}) {
    super(providerCode ? `${code} (${providerCode})` : code, { cause })
    Object.assign(this, { name: 'CaptchaError', code, providerCode })
  }
}

/**
 * True for any `CaptchaError`, also one thrown by a second copy of this package (an ESM and
 * a CJS build loaded side by side), where `instanceof` alone would say no.
 */
export function isCaptchaError(error: unknown): error is CaptchaError {
  return error instanceof Error && error.name === 'CaptchaError' && 'code' in error
}
