import type { Signer } from './crypto/signing'

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

/**
 * The kinds of token CaptchaLa's browser SDK hands out, by prefix (the official server SDKs
 * route on it): `pt_` checked by the API, `dg_` issued over quota, `offline_` made when the SDK
 * could not reach the primary API (checked by the backup host's `/api/validate`), `client_`
 * checked in the browser only (the SDKs never send it to the API).
 */
export const TOKEN_PREFIXES = {
  pass: 'pt_',
  degraded: 'dg_',
  offline: 'offline_',
  client: 'client_',
} as const

export type PassTokenKind = keyof typeof TOKEN_PREFIXES

export function issuePassToken(
  signer: Signer,
  claims: PassTokenClaims,
  kind: PassTokenKind = 'pass',
): string {
  return TOKEN_PREFIXES[kind] + signer.sign(claims)
}

/** The claims of a token this server issued, or null for anything forged, truncated or foreign. */
export function readPassToken(
  signer: Signer,
  token: string,
): { claims: PassTokenClaims; kind: PassTokenKind } | null {
  const kind = (Object.keys(TOKEN_PREFIXES) as PassTokenKind[]).find((candidate) =>
    token.startsWith(TOKEN_PREFIXES[candidate]),
  )
  if (!kind) return null
  const claims = signer.open(token.slice(TOKEN_PREFIXES[kind].length))
  if (!claims || !isPassTokenClaims(claims)) return null
  return { claims, kind }
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
