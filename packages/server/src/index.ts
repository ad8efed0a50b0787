export { CaptchalaClient } from './captchala-client'
export type {
  CaptchaArgs,
  CaptchalaClientOptions,
  IssueResult,
  IssueServerTokenOptions,
  ValidateOptions,
  ValidateResult,
} from './captchala-client'
export { CaptchaConfigError } from './config-error'
export { getClientIp } from './client-ip'
export type { ClientIpOptions, TrustProxy } from './client-ip'
export { verifyHcaptcha, verifyRecaptcha, verifyTurnstile } from './providers'
export type {
  HcaptchaVerifyOptions,
  RecaptchaVerifyOptions,
  TurnstileVerifyOptions,
} from './providers'
export type { SiteverifyOptions, VerifyResult } from './siteverify'
export type { FetchLike } from './post'
