export { Captcha } from './captcha'
export type { CaptchaHandle, CaptchaProps } from './captcha'
export { CaptchaConfigProvider, useCaptchaDefaults } from './config-context'
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
