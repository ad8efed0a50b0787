import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Signs and checks the mock's own artefacts (pass tokens, challenges) as `payload.signature`,
 * both base64url, with a key made fresh for each server so no token outlives it.
 */
export interface Signer {
  sign(claims: object): string
  /** The claims of an intact `payload.signature`, or null for anything forged or malformed. */
  open(signed: string): Record<string, unknown> | null
}

export function createSigner(key: Buffer = randomBytes(32)): Signer {
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest()
  return {
    sign(claims) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
      return `${payload}.${mac(payload).toString('base64url')}`
    },
    open(signed) {
      const parts = signed.split('.')
      if (parts.length !== 2) return null
      const [payload, signature] = parts as [string, string]
      if (!safeEqual(Buffer.from(signature, 'base64url'), mac(payload))) return null
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

/** Constant-time equality of two byte strings, also when their lengths differ. */
export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

/** SHA-256 of a secret, for comparing secrets of any length in constant time. */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest()
}

/** Constant-time check of a presented secret against a known one's digest. */
export function secretMatches(presented: string, knownDigest: Buffer): boolean {
  return timingSafeEqual(secretDigest(presented), knownDigest)
}
