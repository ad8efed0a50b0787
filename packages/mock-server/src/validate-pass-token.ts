import type { Clock } from './clock'
import type { ExpiringSet } from './expiring-set'
import { readPassToken } from './pass-tokens'
import type { Signer } from './crypto/signing'

export interface ValidateRequest {
  app: string
  token: string
  keepToken: boolean
  action?: string | undefined
  uid?: string | undefined
  /** The backup host's `/api/validate`: the only place an `offline_` token is checked. */
  backup?: boolean
}

/** `data` of CaptchaLa's `/v1/validate` answer. */
export type ValidateData =
  | {
      valid: true
      challenge_id: string
      action: string
      uid: string | null
      risk_score: number
      captcha_args: {
        platform: string
        user_ip: string
        referer: string
        pkg: string
        solved_at: number
        risk_score: number
      }
    }
  | { valid: false; error: string }
  | { valid: false; degraded: true; reason: string }

/**
 * CaptchaLa's validation rules. Checking and consuming happen in one synchronous step, so of
 * many concurrent requests for one token exactly one is valid. The caller's `client_ip` plays
 * no part: since CaptchaLa's SDKs' 1.2.2 it is recorded, not compared (an exact comparison
 * refused real users behind CDNs and on dual-stack networks); binding to an IP is the server
 * token's `binding_ip`.
 */
export function validatePassToken(
  request: ValidateRequest,
  { signer, consumed, clock }: { signer: Signer; consumed: ExpiringSet; clock: Clock },
): ValidateData {
  const read = readPassToken(signer, request.token)
  if (!read || read.claims.app !== request.app) return { valid: false, error: 'invalid_token' }
  // A `client_` token is never checked by the API, an `offline_` one only by the backup host.
  if (read.kind === 'client' || (read.kind === 'offline' && !request.backup))
    return { valid: false, error: 'invalid_token' }
  const { claims } = read
  if (claims.exp <= clock.now()) return { valid: false, error: 'token_expired' }
  if (consumed.has(claims.jti)) return { valid: false, error: 'token_consumed' }
  if (request.action !== undefined && request.action !== claims.act) {
    return { valid: false, error: 'token_action_mismatch' }
  }
  if (request.uid !== undefined && claims.uid !== null && request.uid !== claims.uid) {
    return { valid: false, error: 'token_uid_mismatch' }
  }
  if (read.kind === 'degraded') return { valid: false, degraded: true, reason: 'quota_exhausted' }
  if (!request.keepToken) consumed.add(claims.jti, claims.exp)
  return {
    valid: true,
    challenge_id: claims.jti,
    action: claims.act,
    uid: claims.uid,
    risk_score: claims.risk,
    captcha_args: {
      platform: claims.platform,
      user_ip: claims.ip,
      referer: claims.referer,
      pkg: '',
      solved_at: Math.floor(claims.iat / 1000),
      risk_score: claims.risk,
    },
  }
}
