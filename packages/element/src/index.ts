import type { PasslineCaptchaElement } from './element'
import type { CaptchaElementEventMap } from './events'

export { CAPTCHA_TAG_NAME, defineCaptchaElement } from './define-element'
export { PasslineCaptchaElement } from './element'
export type { CaptchaElementEventMap } from './events'
export { CaptchaError, isCaptchaError } from '@passline/core'
export type {
  CaptchaErrorCode,
  CaptchaOptions,
  CaptchaState,
  CaptchaStatus,
  GetTokenOptions,
  ProviderName,
} from '@passline/core'

declare global {
  interface HTMLElementTagNameMap {
    'passline-captcha': PasslineCaptchaElement
  }
  // So `element.addEventListener('passline-verify', (event) => event.detail)` is typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the DOM's map
  interface HTMLElementEventMap extends CaptchaElementEventMap {}
}
