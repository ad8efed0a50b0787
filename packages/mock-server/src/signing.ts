import { hash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createHmacSha256 } from './hmac-sha256'

/**
 * Signs and checks the mock's own artefacts (pass tokens, challenges) as `payload.signature`:
 * base64url JSON and its HMAC-SHA256, with a key made fresh for each server so no token
 * outlives it.
 */
export interface Signer {
  sign(claims: object): string
  /** The claims of an intact `payload.signature`, or null for anything forged or malformed. */
  open(signed: string): Record<string, unknown> | null
}

export function createSigner(key: Buffer = randomBytes(32)): Signer {
  const hmac = createHmacSha256(key)
  return {
    sign(claims) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
      return `${payload}.${hmac.of(payload)}`
    },
    open(signed) {
      const dot = signed.indexOf('.')
      if (dot === -1) return null
      const payload = signed.slice(0, dot)
      if (!hmac.matches(payload, signed.slice(dot + 1))) return null
      try {
        const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
        return claims && typeof claims === 'object' && !Array.isArray(claims)
          ? (claims as Record<string, unknown>)
          : null
      } catch {
        return null
      }
    },
  }
}

/** SHA-256 of a secret, for comparing secrets of any length in constant time. */
export function secretDigest(secret: string): Buffer {
  return hash('sha256', secret, 'buffer')
}

const presentedDigest = Buffer.alloc(32)

/** Constant-time check of a presented secret against a known one's digest. */
export function secretMatches(presented: string, knownDigest: Buffer): boolean {
  // Written into a reused buffer: this runs on every authenticated request.
  presentedDigest.write(hash('sha256', presented, 'hex'), 'hex')
  return timingSafeEqual(presentedDigest, knownDigest)
}
