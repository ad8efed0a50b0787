import { createHash } from 'node:crypto'

/** Leading zero bits the widget must find: about a thousand SHA-256 digests in the page. */
export const POW_DIFFICULTY_BITS = 10

/** True when SHA-256(`challenge:nonce`) starts with `bits` zero bits. */
export function isProofOfWork(challenge: string, nonce: string, bits: number): boolean {
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest()
  let remaining = bits
  for (const byte of digest) {
    if (remaining <= 0) return true
    if (remaining >= 8) {
      if (byte !== 0) return false
      remaining -= 8
    } else {
      return byte >> (8 - remaining) === 0
    }
  }
  return true
}
