import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fromBase64UrlText, toBase64Url } from '../src/crypto/bytes'

describe('base64url by table', () => {
  it("agrees with Node's for every length, and reads back its own", () => {
    for (let length = 0; length < 70; length++) {
      const bytes = randomBytes(length)
      expect(toBase64Url(bytes)).toBe(bytes.toString('base64url'))
    }
    for (const text of ['', 'a', 'Grüße, 世界 🎉', JSON.stringify({ jti: 'x', exp: 1 })])
      expect(fromBase64UrlText(Buffer.from(text).toString('base64url'))).toBe(text)
  })

  it('refuses what is not unpadded base64url of UTF-8', () => {
    for (const wrong of [
      'a',
      'ab=',
      'a+b/',
      'ab c',
      'ä',
      Buffer.from([0xff, 0xfe]).toString('base64url'),
    ])
      expect(fromBase64UrlText(wrong), wrong).toBeNull()
  })
})
