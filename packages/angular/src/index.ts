export { PasslineCaptchaComponent } from './captcha.component'
export { PasslineCaptchaFailureDirective } from './captcha-failure.directive'
export type { CaptchaFailureContext } from './captcha-failure.directive'
export { PasslineCaptchaDirective } from './captcha.directive'
export { CAPTCHA_DEFAULTS, provideCaptchaDefaults } from './defaults'
export { injectCaptcha } from './inject-captcha'
export type { InjectedCaptcha } from './inject-captcha'
export { CaptchaError, isCaptchaError } from '@passline/core'
export type {
  CaptchaDefaults,
  CaptchaFailure,
  CaptchaErrorCode,
  CaptchaOptions,
  CaptchaState,
  CaptchaStatus,
  ProviderName,
  UseCaptchaOptions,
} from '@passline/core'
