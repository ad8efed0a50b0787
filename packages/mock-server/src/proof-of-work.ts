import { utf8 } from './crypto/bytes'
import { sha256 } from './crypto/sha256'

/** Leading zero bits the widget must find: about a thousand SHA-256 digests in the page. */
export const POW_DIFFICULTY_BITS = 10

/** True when SHA-256(`challenge:nonce`) starts with `bits` zero bits. */
export function isProofOfWork(challenge: string, nonce: string, bits: number): boolean {
  return leadingZeroBits(sha256(utf8(`${challenge}:${nonce}`))) >= bits
}

export function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0
  for (const byte of bytes) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24
    bits += 8
  }
  return bits
}
