import { constantTimeEqual, fromBase64UrlText, randomBytes, toBase64Url, utf8 } from './bytes'
import { createHmacSha256 } from './hmac-sha256'
import { sha256 } from './sha256'

/**
 * Signs and checks the emulator's own artefacts (pass tokens, challenges, minted provider
 * tokens) as `payload.signature`: base64url JSON and its HMAC-SHA256.
 */
export interface Signer {
  sign(claims: object): string
  /** The claims of an intact `payload.signature`, or null for anything forged or malformed. */
  open(signed: string): Record<string, unknown> | null
}

/**
 * The signing key: fresh for each emulator, so no token outlives it; or derived from `seed`,
 * so two emulators in two processes (a page's service worker and Node) accept each other's
 * tokens.
 */
export function signingKey(seed?: string): Uint8Array {
  return seed === undefined ? randomBytes(32) : sha256(utf8(`passline-mock signing key:${seed}`))
}

export function createSigner(key: Uint8Array = randomBytes(32)): Signer {
  const hmac = createHmacSha256(key)
  return {
    sign(claims) {
      const payload = toBase64Url(utf8(JSON.stringify(claims)))
      return `${payload}.${hmac.of(payload)}`
    },
    open(signed) {
      const dot = signed.indexOf('.')
      if (dot === -1) return null
      const payload = signed.slice(0, dot)
      if (!hmac.matches(payload, signed.slice(dot + 1))) return null
      const text = fromBase64UrlText(payload)
      try {
        const claims: unknown = text === null ? null : JSON.parse(text)
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
export function secretDigest(secret: string): Uint8Array {
  return sha256(utf8(secret))
}

/** Constant-time check of a presented secret against a known one's digest. */
export function secretMatches(presented: string, knownDigest: Uint8Array): boolean {
  return constantTimeEqual(sha256(utf8(presented)), knownDigest)
}
