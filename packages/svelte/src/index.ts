export { default as Captcha } from './Captcha.svelte'
export type { CaptchaFailureProps, CaptchaHandle, CaptchaProps } from './Captcha.svelte'
export { getCaptchaDefaults, setCaptchaDefaults } from './defaults.js'
export { useCaptcha } from './use-captcha.svelte.js'
export type { UseCaptchaReturn } from './use-captcha.svelte.js'
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
