import type { CaptchaError, CaptchaStatus } from '@passline/core'

/** The element's events: all bubble and cross shadow roots (`composed`). */
export interface CaptchaElementEventMap {
  /** A token arrived; `detail` is the token. */
  'passline-verify': CustomEvent<string>
  /** The token expired (and was dropped). */
  'passline-expire': CustomEvent<undefined>
  /** Something failed; `detail` is the `CaptchaError`, its `code` says what. */
  'passline-error': CustomEvent<CaptchaError>
  /** The status changed; `detail` is the new one. */
  'passline-status': CustomEvent<CaptchaStatus>
}

export function dispatch<K extends keyof CaptchaElementEventMap>(
  target: EventTarget,
  type: K,
  detail?: CaptchaElementEventMap[K]['detail'],
) {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }))
}
