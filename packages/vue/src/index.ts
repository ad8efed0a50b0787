export { Captcha } from './captcha'
export type { CaptchaHandle, CaptchaInstance } from './captcha'
export { PASSLINE_DEFAULTS } from './defaults'
export { createPasslinePlugin } from './plugin'
export { useCaptcha } from './use-captcha'
export type { UseCaptchaReturn } from './use-captcha'
export { CaptchaError, isCaptchaError } from '@passline/core'
export type {
  CaptchaDefaults,
  CaptchaErrorCode,
  CaptchaOptions,
  CaptchaState,
  CaptchaStatus,
  ProviderName,
  UseCaptchaOptions,
} from '@passline/core'
