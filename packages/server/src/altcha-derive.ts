import { crypto as webCrypto } from '@noble/hashes/crypto'

/** The proof-of-work algorithms ALTCHA's widget bundles and Web Crypto computes everywhere. */
export const ALTCHA_ALGORITHMS = [
  'PBKDF2/SHA-256',
  'PBKDF2/SHA-384',
  'PBKDF2/SHA-512',
  'SHA-256',
  'SHA-384',
  'SHA-512',
] as const

export type AltchaAlgorithm = (typeof ALTCHA_ALGORITHMS)[number]

/**
 * Web Crypto: the global one, or Node's own on a Node that has no global (18), as noble's
 * `crypto` module resolves it. Native and asynchronous: a derivation of thousands of
 * iterations never holds the event loop.
 */
export function subtleCrypto(): SubtleCrypto | undefined {
  return (webCrypto as Crypto | undefined)?.subtle
}

/**
 * ALTCHA's key derivation (its v2 proof of work), as its widget computes it: PBKDF2 of the
 * password (`nonce ‖ uint32BE(counter)`) with `salt` and `cost` iterations, or for `SHA-*`
 * the digest of `salt ‖ password` hashed `cost` times in all, cut to `keyLength` bytes.
 */
export async function deriveAltchaKey(
  algorithm: AltchaAlgorithm,
  cost: number,
  keyLength: number,
  salt: Uint8Array,
  nonce: Uint8Array,
  counter: number,
): Promise<Uint8Array> {
  const subtle = subtleCrypto()!
  const password = new Uint8Array(nonce.length + 4)
  password.set(nonce)
  new DataView(password.buffer).setUint32(nonce.length, counter, false)
  if (algorithm.startsWith('PBKDF2/')) {
    const key = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits'])
    const bits = await subtle.deriveBits(
      {
        name: 'PBKDF2',
        // A copy on an ArrayBuffer of its own, as Web Crypto's types ask.
        salt: new Uint8Array(salt),
        iterations: cost,
        hash: algorithm.slice('PBKDF2/'.length),
      },
      key,
      keyLength * 8,
    )
    return new Uint8Array(bits)
  }
  let data = new Uint8Array(salt.length + password.length)
  data.set(salt)
  data.set(password, salt.length)
  for (let round = 0; round < Math.max(1, cost); round++)
    data = new Uint8Array(await subtle.digest(algorithm, data))
  return data.subarray(0, keyLength)
}
