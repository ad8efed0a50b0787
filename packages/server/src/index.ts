export { CaptchalaClient } from './captchala-client'
export type {
  CaptchaArgs,
  CaptchalaClientOptions,
  IssueResult,
  IssueServerTokenOptions,
  ValidateOptions,
  ValidateResult,
} from './captchala-client'
export { CAPTCHALA_ERRORS } from './captchala-errors'
export type { CaptchalaError } from './captchala-errors'
export { CaptchaConfigError } from './config-error'
export { getClientIp } from './client-ip'
export type { ClientIpOptions, TrustProxy } from './client-ip'
export { ALTCHA_ALGORITHMS } from './altcha-derive'
export type { AltchaAlgorithm } from './altcha-derive'
export type { AltchaChallenge, AltchaParameters } from './altcha'
export { CAP_REDEEM_ERRORS } from './cap'
export type { CapChallenge, CapRedeemError, CapRedeemResult } from './cap'
export { verifyFriendlyCaptcha } from './friendly-siteverify'
export type { FriendlyCaptchaVerifyOptions } from './friendly-siteverify'
export { verifyHcaptcha, verifyRecaptcha, verifyTurnstile } from './providers'
export type {
  HcaptchaVerifyOptions,
  RecaptchaVerifyOptions,
  TurnstileVerifyOptions,
} from './providers'
export type { SiteverifyOptions, VerifyResult } from './siteverify'
export { SITEVERIFY_ERRORS } from './siteverify-errors'
export type { SiteverifyError } from './siteverify-errors'
export { MAX_TOKEN_LENGTH } from './token-shape'
export type { FetchLike } from './post'
export { createVerifier } from './verifier'
export type {
  AltchaVerifier,
  AltchaVerifierConfig,
  CaptchalaVerifierConfig,
  CapVerifier,
  CapVerifierConfig,
  FriendlyCaptchaVerifierConfig,
  HcaptchaVerifierConfig,
  IssueOptions,
  RecaptchaVerifierConfig,
  TurnstileVerifierConfig,
  Verifier,
  VerifierConfig,
  VerifyOptions,
} from './verifier'
export type { Verdict } from './verdict'
export { errorKind, VERIFY_ERRORS } from './verify-errors'
export type { ErrorKind, VerifyError } from './verify-errors'
export type { MeterLike } from './metrics'
export { createPolicy, DECISION_REASONS } from './policy'
export type { Decision, DecisionReason, Policy, PolicyOptions, RecordOptions } from './policy'
export type { PolicyKeys } from './policy-keys'
export type { KeyState, PolicyStore, Settlement, StoreLimits } from './policy-store'
export { memoryStore } from './memory-store'
export type { MemoryStoreOptions } from './memory-store'
export { redisStore } from './redis-store'
export type { RedisClientLike, RedisStoreOptions } from './redis-store'
export { readCaptchaToken, TOKEN_FIELDS, TOKEN_HEADER, tokenFromBody } from './read-token'
export type { ReadTokenOptions } from './read-token'
export { refusalFor } from './refusal'
export type { Refusal, RefusalBody } from './refusal'
