import { constantTimeEqual, toBase64Url, utf8 } from './bytes'
import { sha256 as defaultSha256 } from './sha256'

const BLOCK_BYTES = 64
const DIGEST_BYTES = 32
/** Length of a digest in unpadded base64url. */
export const MAC_LENGTH = 43

/**
 * HMAC-SHA256 (RFC 2104) keyed once, answering in unpadded base64url.
 *
 * Every validation checks one, so this is the emulator's hottest code: the padded key blocks
 * are made once, and each MAC is two one-shot hashes (Node's own where it can, see sha256.ts)
 * over buffers that are reused while messages fit them (safe: the hashing is synchronous).
 */
export interface HmacSha256 {
  /** The MAC of `message`'s UTF-8 bytes. */
  of(message: string): string
  /** Whether `mac` is the MAC of `message`, compared in constant time. */
  matches(message: string, mac: string): boolean
}

export function createHmacSha256(key: Uint8Array, sha256 = defaultSha256): HmacSha256 {
  const block = new Uint8Array(BLOCK_BYTES)
  block.set(key.length > BLOCK_BYTES ? sha256(key) : key)
  const innerPad = block.map((byte) => byte ^ 0x36)
  const outer = new Uint8Array(BLOCK_BYTES + DIGEST_BYTES)
  outer.set(block.map((byte) => byte ^ 0x5c))
  let inner = withPad(innerPad, 256)

  const of = (message: string) => {
    const bytes = utf8(message)
    if (BLOCK_BYTES + bytes.length > inner.length) inner = withPad(innerPad, 2 * bytes.length)
    inner.set(bytes, BLOCK_BYTES)
    outer.set(sha256(inner.subarray(0, BLOCK_BYTES + bytes.length)), BLOCK_BYTES)
    return toBase64Url(sha256(outer))
  }

  return {
    of,
    matches(message, mac) {
      // A MAC's length is public; beyond it, only ASCII can match base64url.
      if (mac.length !== MAC_LENGTH) return false
      return constantTimeEqual(utf8(of(message)), utf8(mac))
    },
  }
}

function withPad(pad: Uint8Array, room: number): Uint8Array {
  const buffer = new Uint8Array(BLOCK_BYTES + room)
  buffer.set(pad)
  return buffer
}
