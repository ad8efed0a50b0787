import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils'
import { ALTCHA_ALGORITHMS, deriveAltchaKey, type AltchaAlgorithm } from './altcha-derive'
import { constantTimeEqual } from './constant-time'
import { hmacHex } from './signed-token'
import type { VerifyError } from './verify-errors'

/** ALTCHA's challenge (its v2 format), the JSON its widget fetches from your challenge URL. */
export interface AltchaChallenge {
  parameters: AltchaParameters
  /** `hex(HMAC-SHA256(secret, JSON of the parameters, keys sorted))`. */
  signature: string
}

export interface AltchaParameters {
  algorithm: AltchaAlgorithm
  nonce: string
  salt: string
  cost: number
  keyLength: number
  /** The first half of the key the browser must derive; it can only find it by counting. */
  keyPrefix: string
  /** `hex(HMAC-SHA256(key secret, derived key))`: checked instead of deriving it again. */
  keySignature?: string
  /** Unix seconds. */
  expiresAt: number
  /** Signed with the rest: Passline puts the `action` here. */
  data?: Record<string, string>
}

export interface AltchaSettings {
  secret: string
  algorithm: AltchaAlgorithm
  cost: number
  counter: { min: number; max: number }
  challengeTtlSeconds: number
}

/** What a payload proved, or why it proved nothing. */
export type AltchaCheck =
  | { ok: true; id: string; expiresAtMs: number; action: string | undefined }
  | { ok: false; error: VerifyError; detail: string }

const KEY_LENGTH = 32
const MAX_COUNTER = 0xffffffff

/**
 * The secret that signs derived keys, made from the main secret as ALTCHA's own
 * `deriveHmacKeySecret` does: a payload made by altcha-lib with the same secret verifies here.
 */
export const keySignatureSecret = (secret: string): string => hmacHex('derived-secret', secret)

/**
 * A challenge in ALTCHA's deterministic mode: the server picks the counter, so the work is
 * known (the browser derives about `counter` keys before it finds the one that matches the
 * prefix), and checking the answer is one HMAC, not a derivation.
 */
export async function issueAltchaChallenge(
  settings: AltchaSettings,
  now: number,
  action?: string,
): Promise<AltchaChallenge> {
  const { min, max } = settings.counter
  const counter = min + randomUint32(max - min + 1)
  const nonce = randomBytes(16)
  const salt = randomBytes(16)
  const key = await deriveAltchaKey(
    settings.algorithm,
    settings.cost,
    KEY_LENGTH,
    salt,
    nonce,
    counter,
  )
  const parameters: AltchaParameters = {
    algorithm: settings.algorithm,
    nonce: bytesToHex(nonce),
    salt: bytesToHex(salt),
    cost: settings.cost,
    keyLength: KEY_LENGTH,
    keyPrefix: bytesToHex(key.subarray(0, KEY_LENGTH / 2)),
    keySignature: hmacHex(keySignatureSecret(settings.secret), key),
    expiresAt: Math.floor(now / 1000) + settings.challengeTtlSeconds,
    ...(action !== undefined && { data: { action } }),
  }
  const sorted = sortKeys(parameters) as AltchaParameters
  return { parameters: sorted, signature: hmacHex(settings.secret, JSON.stringify(sorted)) }
}

/**
 * Checks an ALTCHA payload (`base64(JSON{ challenge, solution })`) in ALTCHA's own order:
 * expiry, then the challenge's signature, then the solution. Whether it was used before is
 * the caller's to ask its store, with the `id` this returns.
 */
export async function checkAltchaPayload(
  settings: Pick<AltchaSettings, 'secret'>,
  token: string,
  now: number,
): Promise<AltchaCheck> {
  const refuse = (error: VerifyError, detail: string): AltchaCheck => ({ ok: false, error, detail })
  const payload = parsePayload(token)
  if (!payload) return refuse('invalid_token', 'not an ALTCHA payload')
  const { parameters, signature, solution } = payload
  if (!(ALTCHA_ALGORITHMS as readonly unknown[]).includes(parameters.algorithm))
    return refuse('invalid_token', 'unsupported algorithm')
  // Without an expiry a payload could be used again once its record lapsed: refused.
  if (typeof parameters.expiresAt !== 'number') return refuse('invalid_token', 'no expiresAt')
  if (parameters.expiresAt * 1000 < now) return refuse('token_expired', 'challenge expired')
  const expected = hmacHex(settings.secret, JSON.stringify(sortKeys(parameters)))
  if (!constantTimeEqual(signature, expected)) return refuse('invalid_token', 'bad signature')
  if (!(await solves(settings.secret, parameters, solution)))
    return refuse('invalid_token', 'wrong solution')
  const data = isRecord(parameters.data) ? parameters.data : {}
  return {
    ok: true,
    id: typeof data.challengeId === 'string' ? data.challengeId : String(parameters.nonce),
    expiresAtMs: parameters.expiresAt * 1000,
    action: typeof data.action === 'string' ? data.action : undefined,
  }
}

async function solves(
  secret: string,
  parameters: Record<string, unknown>,
  solution: { counter: unknown; derivedKey: unknown },
): Promise<boolean> {
  const { counter, derivedKey } = solution
  if (typeof derivedKey !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(derivedKey)) return false
  if (!Number.isInteger(counter) || (counter as number) < 0 || (counter as number) > MAX_COUNTER)
    return false
  if (typeof parameters.keySignature === 'string')
    return constantTimeEqual(
      parameters.keySignature,
      hmacHex(keySignatureSecret(secret), hexToBytes(derivedKey)),
    )
  // A challenge made without a key signature (altcha-lib's default): derive it again.
  const { nonce, salt, cost, keyLength, keyPrefix } = parameters
  if (
    typeof nonce !== 'string' ||
    typeof salt !== 'string' ||
    typeof keyPrefix !== 'string' ||
    !Number.isInteger(cost) ||
    !Number.isInteger(keyLength) ||
    !/^(?:[0-9a-f]{2})+$/.test(nonce + salt)
  )
    return false
  const key = bytesToHex(
    await deriveAltchaKey(
      parameters.algorithm as AltchaAlgorithm,
      cost as number,
      keyLength as number,
      hexToBytes(salt),
      hexToBytes(nonce),
      counter as number,
    ),
  )
  return constantTimeEqual(key, derivedKey) && key.startsWith(keyPrefix.toLowerCase())
}

interface Payload {
  parameters: Record<string, unknown>
  signature: string
  solution: { counter: unknown; derivedKey: unknown }
}

function parsePayload(token: string): Payload | null {
  try {
    const { challenge, solution } = JSON.parse(atob(token)) as Record<string, unknown>
    if (!isRecord(challenge) || !isRecord(challenge.parameters) || !isRecord(solution)) return null
    if (typeof challenge.signature !== 'string') return null
    return {
      parameters: challenge.parameters,
      signature: challenge.signature,
      solution: { counter: solution.counter, derivedKey: solution.derivedKey },
    }
  } catch {
    return null
  }
}

/** Keys sorted at every depth and `undefined` left out: the JSON ALTCHA signs. */
function sortKeys(value: unknown): unknown {
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => [key, sortKeys(value[key])]),
  )
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A uniform integer in [0, bound), bound at most 2^32. */
function randomUint32(bound: number): number {
  const [value] = new Uint32Array(randomBytes(4).buffer)
  return Math.floor((value! / 2 ** 32) * bound)
}
