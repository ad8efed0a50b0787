import { hash, timingSafeEqual } from 'node:crypto'

const BLOCK_BYTES = 64
const DIGEST_BYTES = 32
/** Length of a digest in unpadded base64url. */
export const MAC_LENGTH = 43

/**
 * HMAC-SHA256 (RFC 2104) keyed once, answering in unpadded base64url.
 *
 * Every validation checks one, so this is the mock's hottest code. Under load, a `createHmac`
 * object per call and the fresh buffers each digest returns cost several times the hashing
 * itself; here each MAC is two one-shot hashes over scratch buffers reused across calls
 * (safe: the hashing is synchronous), and a check compares in a scratch buffer too.
 */
export interface HmacSha256 {
  /** The MAC of `message`'s UTF-8 bytes. */
  of(message: string): string
  /** Whether `mac` is the MAC of `message`, compared in constant time. */
  matches(message: string, mac: string): boolean
}

export function createHmacSha256(key: Uint8Array): HmacSha256 {
  const block = Buffer.alloc(BLOCK_BYTES)
  if (key.length > BLOCK_BYTES) block.set(hash('sha256', key, 'buffer'))
  else block.set(key)
  const innerPad = block.map((byte) => byte ^ 0x36)
  let inner = withPad(innerPad, 256)
  const outer = withPad(
    block.map((byte) => byte ^ 0x5c),
    DIGEST_BYTES,
  )
  const compared = Buffer.alloc(2 * MAC_LENGTH)

  const of = (message: string) => {
    const length = Buffer.byteLength(message)
    if (BLOCK_BYTES + length > inner.length) inner = withPad(innerPad, 2 * length)
    inner.write(message, BLOCK_BYTES, 'utf8')
    // Hex is the one output written back into a buffer without allocating one.
    outer.write(hash('sha256', inner.subarray(0, BLOCK_BYTES + length), 'hex'), BLOCK_BYTES, 'hex')
    return hash('sha256', outer, 'base64url')
  }

  return {
    of,
    matches(message, mac) {
      // A MAC's length is public; beyond it, only ASCII can match base64url.
      if (mac.length !== MAC_LENGTH || Buffer.byteLength(mac) !== MAC_LENGTH) return false
      compared.write(of(message), 0, 'latin1')
      compared.write(mac, MAC_LENGTH, 'latin1')
      return timingSafeEqual(
        compared.subarray(0, MAC_LENGTH),
        compared.subarray(MAC_LENGTH, 2 * MAC_LENGTH),
      )
    },
  }
}

function withPad(pad: Uint8Array, room: number): Buffer {
  const buffer = Buffer.alloc(BLOCK_BYTES + room)
  buffer.set(pad)
  return buffer
}
