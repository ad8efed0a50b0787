// Everything @passline/core exports but `createCaptcha`, which each entry brings its own of:
// the index one over every provider, `@passline/core/<provider>` one over that provider alone
// (which must not import the registry: a bundler would still split out its adapter chunks).
export { captchaOptionsChanged, mergeCaptchaOptions, withLatestCallbacks } from './binding-options'
export type { CaptchaDefaults, UseCaptchaOptions } from './binding-options'
export { CaptchaError, isCaptchaError } from './errors'
export { IDLE_STATE } from './idle-state'
export { describeFailure } from './texts/failure'
export type { CaptchaFailure } from './texts/failure'
export { captchaTexts, loadCaptchaTexts } from './texts/texts'
export type { CaptchaTexts } from './texts/texts'
export type { CaptchaErrorCode, CaptchaErrorDetails } from './errors'
export { loadScript } from './load-script'
export type { LoadScriptOptions } from './load-script'
export type { ProviderDriver, ProviderFactory, Widget, WidgetEvents } from './provider'
export type {
  AltchaOptions,
  CapOptions,
  Captcha,
  CaptchaEvents,
  CaptchalaOptions,
  CaptchaOptions,
  CaptchaState,
  CaptchaStatus,
  FriendlyCaptchaOptions,
  GetTokenOptions,
  HcaptchaOptions,
  ProviderName,
  RecaptchaOptions,
  RetryOptions,
  TurnstileOptions,
} from './types'
