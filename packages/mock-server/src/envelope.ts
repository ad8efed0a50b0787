/** CaptchaLa's response envelope: `code` 0 means the request was handled. */
export interface Envelope<T = unknown> {
  code: number
  msg: string
  data: T
}

export function handled<T>(data: T): Envelope<T> {
  return { code: 0, msg: 'ok', data }
}

/**
 * A request the emulator refuses: answered with `status` and, on CaptchaLa's routes,
 * `{ code: status, msg, data: { error } }`. `error` is a CaptchaLa error code
 * (`invalid_app_key`, ...), a provider's code on the other routes, or one of the emulator's
 * request codes (`invalid_request`, `unsupported_media_type`, `payload_too_large`, `not_found`).
 */
export class RequestRefused extends Error {
  headers: Record<string, string> = {}

  constructor(
    readonly status: number,
    readonly error: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ? `${error}: ${detail}` : error)
  }

  /** Headers the refusal carries (`Retry-After`). */
  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers)
    return this
  }

  toEnvelope(): Envelope<Record<string, unknown>> {
    return { code: this.status, msg: this.message, data: { ...this.extra, error: this.error } }
  }
}
