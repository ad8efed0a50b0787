import type { Signer } from './signing'

/** What a pass token records about the challenge that produced it. */
export interface PassTokenClaims {
  /** The challenge id: a token is consumed by it. */
  jti: string
  app: string
  /** The business action, '' when none was given. */
  act: string
  /** The IP address that solved the challenge. */
  ip: string
  /** Issued and expiring, epoch ms. */
  iat: number
  exp: number
  /** Risk score 0 (human) to 100 (bot), as CaptchaLa reports it. */
  risk: number
  referer: string
  platform: string
  /** From the server token the challenge used, when there was one. */
  uid: string | null
}

export const PASS_TOKEN_PREFIX = 'pt_'
export const DEGRADED_TOKEN_PREFIX = 'dg_'

export function issuePassToken(signer: Signer, claims: PassTokenClaims, degraded: boolean): string {
  return (degraded ? DEGRADED_TOKEN_PREFIX : PASS_TOKEN_PREFIX) + signer.sign(claims)
}

/** The claims of a token this server issued, or null for anything forged, truncated or foreign. */
export function readPassToken(
  signer: Signer,
  token: string,
): { claims: PassTokenClaims; degraded: boolean } | null {
  const degraded = token.startsWith(DEGRADED_TOKEN_PREFIX)
  if (!degraded && !token.startsWith(PASS_TOKEN_PREFIX)) return null
  const claims = signer.open(token.slice(PASS_TOKEN_PREFIX.length))
  if (!claims || !isPassTokenClaims(claims)) return null
  return { claims, degraded }
}

function isPassTokenClaims(
  claims: Record<string, unknown>,
): claims is PassTokenClaims & Record<string, unknown> {
  const strings = ['jti', 'app', 'act', 'ip', 'referer', 'platform'] as const
  const numbers = ['iat', 'exp', 'risk'] as const
  return (
    strings.every((key) => typeof claims[key] === 'string') &&
    numbers.every((key) => typeof claims[key] === 'number') &&
    (claims.uid === null || typeof claims.uid === 'string')
  )
}
