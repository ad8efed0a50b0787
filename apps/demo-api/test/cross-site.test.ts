import { describe, expect, it } from 'vitest'
import { isCrossSite } from '../src/cross-site'

describe('isCrossSite', () => {
  it('believes Sec-Fetch-Site when the browser sends it', () => {
    expect(isCrossSite({ 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' })).toBe(
      false,
    )
    expect(isCrossSite({ 'sec-fetch-site': 'none' })).toBe(false)
    expect(isCrossSite({ 'sec-fetch-site': 'same-site', host: 'a.example' })).toBe(true)
    expect(isCrossSite({ 'sec-fetch-site': 'cross-site', host: 'a.example' })).toBe(true)
  })

  it('else compares Origin with the host the request was sent to, as a dev or preview proxy keeps it', () => {
    // A page on vite preview at :4173 posting to /api, forwarded to the backend with its Host.
    expect(isCrossSite({ origin: 'http://127.0.0.1:4173', host: '127.0.0.1:4173' })).toBe(false)
    expect(
      isCrossSite({
        origin: 'https://shop.example',
        host: '10.0.0.5:8788',
        'x-forwarded-host': 'shop.example',
      }),
    ).toBe(false)
    expect(isCrossSite({ origin: 'http://127.0.0.1:5173', host: '127.0.0.1:4173' })).toBe(true)
    expect(isCrossSite({ origin: 'null', host: '127.0.0.1:4173' })).toBe(true)
  })

  it('lets a request no browser sent through: no Origin, no Fetch Metadata', () => {
    expect(isCrossSite({ host: '127.0.0.1:8788' })).toBe(false)
  })
})
