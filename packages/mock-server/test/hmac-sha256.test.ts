import { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createHmacSha256, MAC_LENGTH } from '../src/crypto/hmac-sha256'
import { sha256Portable } from '../src/crypto/sha256'

const reference = (key: Uint8Array, message: string) =>
  createHmac('sha256', key).update(message).digest('base64url')

describe('HMAC-SHA256 over reused buffers', () => {
  // Keys shorter than, equal to and longer than SHA-256's block (the last are hashed first).
  const keys = [0, 1, 32, 64, 65, 200].map((length) => randomBytes(length))
  // Messages that fit the first scratch buffer, outgrow it, shrink again, and are not ASCII.
  const messages = ['', 'a', 'x'.repeat(255), 'y'.repeat(5000), 'short again', 'Grüße, 世界 🎉']

  // Node's SHA-256 where the runtime offers it, the portable one in browsers (MSW's worker).
  it.each([
    ['the default SHA-256', undefined],
    ['the portable SHA-256', sha256Portable],
  ])('agrees with node:crypto for every key length and message, over %s', (_, sha256) => {
    for (const key of keys) {
      const hmac = createHmacSha256(key, sha256)
      for (const message of messages) {
        expect(hmac.of(message), `${key.length}-byte key, ${message.length} chars`).toBe(
          reference(key, message),
        )
        expect(hmac.matches(message, reference(key, message))).toBe(true)
      }
    }
  })

  it('gives the same answer for a message after a longer one left bytes behind', () => {
    const key = randomBytes(32)
    const hmac = createHmacSha256(key)
    hmac.of('z'.repeat(1000))
    expect(hmac.of('z')).toBe(reference(key, 'z'))
  })

  it('refuses any other MAC: another key, one changed character, other lengths, other spellings', () => {
    const key = randomBytes(32)
    const hmac = createHmacSha256(key)
    const mac = hmac.of('payload')
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    // The last character carries 4 bits and 2 unused ones: flipping an unused bit spells
    // the same bytes differently, which a decode-then-compare check would accept.
    const sameBytes = mac.slice(0, -1) + alphabet[alphabet.indexOf(mac.at(-1)!) ^ 1]
    expect(Buffer.from(sameBytes, 'base64url')).toEqual(Buffer.from(mac, 'base64url'))
    const refused = [
      reference(randomBytes(32), 'payload'),
      (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1),
      sameBytes,
      mac.slice(0, -1),
      `${mac}A`,
      `${mac}=`,
      '',
      // Same length in characters, but not ASCII: its low bytes must not count as a match.
      mac.slice(0, -1) + String.fromCharCode(0x100 + mac.charCodeAt(MAC_LENGTH - 1)),
    ]
    for (const wrong of refused) expect(hmac.matches('payload', wrong), wrong).toBe(false)
    expect(hmac.matches('payload', mac)).toBe(true)
  })
})
