import type { VerifyError } from '@passline/server'

/**
 * Every `error` the demo backend answers with, and its HTTP status: one closed list, the same
 * for JSON and for form posts (where it travels in the redirect's query), so a page can branch
 * on it. A provider's own words never reach the browser; they stay in this server's log.
 */
export const DEMO_ERRORS = {
  /** The body is not a JSON object or a urlencoded form, or it is malformed. */
  invalid_body: 400,
  /** Not an address the page's `<input type="email">` accepts, or over 254 characters. */
  invalid_email: 400,
  /** The page named a provider or key this backend does not know. */
  unknown_site_key: 400,
  /** A browser posted from another site: refused before anything is read or counted. */
  cross_site_request: 403,
  /** The token was not good; `reason` says why (a `token` code of `VERIFY_ERRORS`). */
  captcha_failed: 403,
  /**
   * Too many failures: the next token must answer the stricter challenge. With CaptchaLa the
   * answer carries `serverToken`; the other providers here have no such challenge.
   */
  challenge_required: 403,
  not_found: 404,
  email_taken: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  /** Far too many failures: `retryAfter` seconds, also in the `Retry-After` header. */
  blocked: 429,
  /** Anything unforeseen; the details are in the log. */
  internal_error: 500,
  /** The provider failed, or this backend's configuration did: not the person's fault. */
  unavailable: 503,
} as const

export type DemoError = keyof typeof DEMO_ERRORS

export interface Refusal {
  error: DemoError
  /** With `captcha_failed` and `challenge_required`: why the token was refused. */
  reason?: VerifyError
  /** With `challenge_required` (CaptchaLa): the server token the widget must solve with. */
  serverToken?: string
  /** With `blocked`: seconds. */
  retryAfter?: number
}

export interface Created {
  ok: true
  account: { email: string }
}

export interface Answer {
  status: number
  body: Created | Refusal
}

export const created = (email: string): Answer => ({
  status: 201,
  body: { ok: true, account: { email } },
})

export const refused = (error: DemoError, details: Omit<Refusal, 'error'> = {}): Answer => ({
  status: DEMO_ERRORS[error],
  body: { error, ...details },
})
