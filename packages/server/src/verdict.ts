import type { CaptchalaError } from './captchala-errors'
import type { ValidateResult } from './captchala-client'
import { joinDetail } from './detail'
import type { VerifyResult } from './siteverify'
import type { SiteverifyError } from './siteverify-errors'
import { VERIFY_ERRORS, type VerifyError } from './verify-errors'

/** One answer for every provider. `success` is true only on an explicit yes. */
export interface Verdict {
  success: boolean
  /** Why not, from `VERIFY_ERRORS`; its kind says what to do. */
  error?: VerifyError
  /** For logs: the provider's own code and why a call failed. Sanitised, at most 200 characters. */
  detail?: string
  /** `captchala`, `turnstile`, `hcaptcha` or `recaptcha`. */
  provider: string
  /** The action the token was solved for, as the provider reports it. */
  action?: string
  /** Where it was solved: siteverify's `hostname`; CaptchaLa's referer's host. */
  hostname?: string
  /** reCAPTCHA v3: 1.0 (human) to 0.0 (bot); hCaptcha Enterprise: its score. */
  score?: number
  /** CaptchaLa: the `bindUid` of the server token the challenge was solved with, else null. */
  uid?: string | null
  /** The provider's answer as it came (parsed JSON), null when no call was made. */
  raw: unknown
}

const FROM_CAPTCHALA: Record<CaptchalaError, VerifyError> = {
  empty_token: 'missing_token',
  invalid_token: 'invalid_token',
  token_expired: 'token_expired',
  token_consumed: 'token_consumed',
  token_action_mismatch: 'token_action_mismatch',
  token_ip_mismatch: 'token_binding_mismatch',
  token_uid_mismatch: 'token_binding_mismatch',
  client_only: 'client_only',
  token_too_long: 'token_too_long',
  // CaptchaLa handled the request and said no: the token's failure, reason unknown.
  unknown_error: 'invalid_token',
  invalid_app_key: 'invalid_site_key',
  app_disabled: 'invalid_site_key',
  invalid_app_secret: 'invalid_secret',
  invalid_action: 'bad_request',
  invalid_request: 'bad_request',
  rate_limit_exceeded: 'rate_limit_exceeded',
  request_failed: 'request_failed',
}

const FROM_SITEVERIFY: Record<SiteverifyError, VerifyError> = {
  'missing-input-secret': 'invalid_secret',
  'invalid-input-secret': 'invalid_secret',
  // hCaptcha: a real token checked with a test secret.
  'not-using-dummy-passcode': 'invalid_secret',
  'invalid-sitekey': 'invalid_site_key',
  'bad-request': 'bad_request',
  'missing-remoteip': 'bad_request',
  'invalid-remoteip': 'bad_request',
  'missing-input-response': 'missing_token',
  'invalid-input-response': 'invalid_token',
  // hCaptcha: the test token sent to a real secret, which any client can do.
  'not-using-dummy-secret': 'invalid_token',
  'invalid-or-already-seen-response': 'invalid_token',
  'timeout-or-duplicate': 'token_expired_or_consumed',
  'expired-input-response': 'token_expired',
  'already-seen-response': 'token_consumed',
  'sitekey-secret-mismatch': 'site_key_mismatch',
  'action-mismatch': 'token_action_mismatch',
  'hostname-mismatch': 'token_hostname_mismatch',
  'score-too-low': 'token_score_too_low',
  'token-too-long': 'token_too_long',
  'internal-error': 'request_failed',
  // Friendly Captcha: no or a wrong API key; a site key it does not know.
  auth_required: 'invalid_secret',
  auth_invalid: 'invalid_secret',
  sitekey_invalid: 'invalid_site_key',
  response_missing: 'missing_token',
  response_invalid: 'invalid_token',
  response_timeout: 'token_expired',
  response_duplicate: 'token_consumed',
  bad_request: 'bad_request',
  rate_limit_exceeded: 'rate_limit_exceeded',
  request_failed: 'request_failed',
}

// With several codes, the one to act on first: a broken set-up before an outage before a token.
const PRIORITY = { configuration: 0, unavailable: 1, token: 2 } as const

export function verdictFromValidate(result: ValidateResult): Verdict {
  const verdict: Verdict = { success: result.valid, provider: 'captchala', raw: result.raw }
  if (result.action !== undefined) verdict.action = result.action
  if (result.uid !== undefined) verdict.uid = result.uid
  const hostname = hostOf(result.captchaArgs.referer)
  if (hostname) verdict.hostname = hostname
  if (result.valid) return verdict
  if (result.degraded) return { ...verdict, error: 'degraded', detail: result.degradedReason! }
  const error = FROM_CAPTCHALA[result.error ?? 'unknown_error']
  const detail = joinDetail(result.error, result.detail)
  return { ...verdict, error, ...(detail && { detail }) }
}

export function verdictFromSiteverify(provider: string, result: VerifyResult): Verdict {
  const verdict: Verdict = { success: result.success, provider, raw: result.raw }
  if (result.action !== undefined) verdict.action = result.action
  if (result.hostname !== undefined) verdict.hostname = result.hostname
  if (result.score !== undefined) verdict.score = result.score
  if (result.success) return verdict
  const errors = (
    result.errorCodes.length ? result.errorCodes : (['invalid-input-response'] as const)
  )
    .map((code) => FROM_SITEVERIFY[code])
    .sort((a, b) => PRIORITY[VERIFY_ERRORS[a]] - PRIORITY[VERIFY_ERRORS[b]])
  const detail = joinDetail(result.errorCodes.join(' '), result.detail)
  return { ...verdict, error: errors[0]!, ...(detail && { detail }) }
}

function hostOf(referer: unknown): string | undefined {
  if (typeof referer !== 'string' || !referer) return undefined
  try {
    return new URL(referer).hostname || undefined
  } catch {
    return undefined
  }
}
