export { Captcha } from './captcha'
export type { CaptchaHandle, CaptchaProps } from './captcha'
export { CaptchaConfigProvider } from './config-context'
export type { CaptchaDefaults } from './config-context'
export { useCaptcha } from './use-captcha'
export type { UseCaptchaResult } from './use-captcha'
export { CaptchaError, isCaptchaError } from '@passline/core'
export type {
  CaptchaErrorCode,
  CaptchaOptions,
  CaptchaState,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
