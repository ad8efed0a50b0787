import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils'
import { capPrng } from './cap-prng'
import { readToken, signToken } from './signed-token'

/** What Cap's widget fetches from `{endpoint}challenge`. */
export interface CapChallenge {
  /** `c` puzzles, each a `s`-character salt whose SHA-256 must start with `d` target characters. */
  challenge: { c: number; s: number; d: number }
  /** Signed: it carries the puzzle, its expiry and the action, so no server keeps it. */
  token: string
  /** Epoch ms. */
  expires: number
}

/**
 * Why a redeem was refused, in the codes Cap's own server documents:
 * - `invalid_body`: not `{ token, solutions: number[] }`;
 * - `invalid_token`: a challenge token this server did not sign;
 * - `expired`: the challenge's time is over;
 * - `invalid_solution`: the solutions do not solve it;
 * - `already_redeemed`: it was redeemed once already (on any instance sharing the store);
 * - `nonce_store_error`: the store failed, so whether it was used cannot be known: refused.
 */
export const CAP_REDEEM_ERRORS = [
  'invalid_body',
  'invalid_token',
  'expired',
  'invalid_solution',
  'already_redeemed',
  'nonce_store_error',
] as const

export type CapRedeemError = (typeof CAP_REDEEM_ERRORS)[number]

/** What `{endpoint}redeem` answers; the widget hands `token` to the page. */
export type CapRedeemResult =
  { success: true; token: string; expires: number } | { success: false; error: CapRedeemError }

export interface CapSettings {
  secret: string
  challengeCount: number
  challengeSize: number
  challengeDifficulty: number
  challengeTtlSeconds: number
  tokenTtlSeconds: number
}

const CHALLENGE = 'cap-challenge'
const REDEEMED = 'cap-token'

export function issueCapChallenge(
  settings: CapSettings,
  now: number,
  action?: string,
): CapChallenge {
  const challenge = {
    c: settings.challengeCount,
    s: settings.challengeSize,
    d: settings.challengeDifficulty,
  }
  const expires = now + settings.challengeTtlSeconds * 1000
  const token = signToken(settings.secret, CHALLENGE, {
    n: bytesToHex(randomBytes(16)),
    ...challenge,
    e: expires,
    ...(action !== undefined && { a: action }),
  })
  return { challenge, token, expires }
}

/** A redeem that checks out, before its challenge is recorded as used. */
export type CapSolved =
  | { ok: true; nonce: string; expires: number; action: string | undefined }
  | { ok: false; error: CapRedeemError }

/** Checks a redeem body: the challenge token's signature and expiry, then every solution. */
export function checkCapSolutions(settings: CapSettings, body: unknown, now: number): CapSolved {
  const { token, solutions } = (isRecord(body) ? body : {}) as Record<string, unknown>
  if (
    typeof token !== 'string' ||
    !Array.isArray(solutions) ||
    !solutions.every((value) => Number.isSafeInteger(value) && (value as number) >= 0)
  )
    return { ok: false, error: 'invalid_body' }
  const fields = readToken(settings.secret, CHALLENGE, token)
  const { n: nonce, c, s, d, e: expires, a: action } = fields ?? {}
  if (
    typeof nonce !== 'string' ||
    ![c, s, d, expires].every(Number.isSafeInteger) ||
    (action !== undefined && typeof action !== 'string')
  )
    return { ok: false, error: 'invalid_token' }
  if ((expires as number) < now) return { ok: false, error: 'expired' }
  if (solutions.length !== c) return { ok: false, error: 'invalid_solution' }
  // Cap's puzzle: for i = 1..c, SHA-256(salt_i + solution_i) starts with target_i, both drawn
  // from the token by Cap's PRNG, so nothing but the token needs keeping.
  for (let i = 1; i <= (c as number); i++) {
    const salt = capPrng(`${token}${i}`, s as number)
    const target = capPrng(`${token}${i}d`, d as number)
    const hash = bytesToHex(sha256(utf8ToBytes(`${salt}${solutions[i - 1] as number}`)))
    if (!hash.startsWith(target)) return { ok: false, error: 'invalid_solution' }
  }
  return { ok: true, nonce, expires: expires as number, action: action as string | undefined }
}

/** The token the widget hands the page once a challenge is redeemed. */
export function issueCapToken(
  settings: CapSettings,
  now: number,
  action: string | undefined,
): { token: string; expires: number } {
  const expires = now + settings.tokenTtlSeconds * 1000
  const token = signToken(settings.secret, REDEEMED, {
    i: bytesToHex(randomBytes(12)),
    e: expires,
    ...(action !== undefined && { a: action }),
  })
  return { token, expires }
}

/** A redeemed token's id, expiry and action; null for one this server did not sign. */
export function readCapToken(
  secret: string,
  token: string,
): { id: string; expires: number; action: string | undefined } | null {
  const { i: id, e: expires, a: action } = readToken(secret, REDEEMED, token) ?? {}
  if (typeof id !== 'string' || !Number.isSafeInteger(expires)) return null
  if (action !== undefined && typeof action !== 'string') return null
  return { id, expires: expires as number, action }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
