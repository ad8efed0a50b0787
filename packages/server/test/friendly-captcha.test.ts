// Friendly Captcha v2's siteverify through a fake fetch: the request Passline sends, and how
// each of its documented answers (and the undocumented ones) reads as a verdict.
import { describe, expect, it } from 'vitest'
import { createVerifier, verifyFriendlyCaptcha, type FetchLike } from '../src/index'

interface Sent {
  url: string
  headers: Record<string, string>
  body: unknown
}

/** A fetch that answers `status` and `body` and records what it was sent. */
function fakeFetch(status: number, body: unknown) {
  const sent: Sent[] = []
  const fetch: FetchLike = async (url, init) => {
    sent.push({
      url,
      headers: init.headers as Record<string, string>,
      body: JSON.parse(init.body as string),
    })
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })
  }
  return { fetch, sent }
}

const SUCCESS = {
  success: true,
  data: {
    event_id: 'ev_1',
    challenge: { timestamp: '2026-02-05T13:01:25Z', origin: 'https://shop.example' },
    risk_intelligence: null,
  },
}
const refused = (code: string) => ({ success: false, error: { error_code: code, detail: '…' } })

const verifier = (fetch: FetchLike, extra: { siteKey?: string; siteverifyUrl?: string } = {}) =>
  createVerifier({ provider: 'friendlycaptcha', secret: 'api-key', fetch, meter: false, ...extra })

describe('Friendly Captcha siteverify', () => {
  it('POSTs JSON { response, sitekey } with the API key in X-API-Key to the global endpoint', async () => {
    const { fetch, sent } = fakeFetch(200, SUCCESS)
    const verdict = await verifier(fetch, { siteKey: 'FCMSITE' }).verify('frc.response.token', {
      expectedHostname: 'shop.example',
    })
    expect(verdict).toMatchObject({
      success: true,
      provider: 'friendlycaptcha',
      hostname: 'shop.example',
      raw: SUCCESS,
    })
    expect(sent).toEqual([
      {
        url: 'https://global.frcapi.com/api/v2/captcha/siteverify',
        headers: { 'content-type': 'application/json', 'x-api-key': 'api-key' },
        body: { response: 'frc.response.token', sitekey: 'FCMSITE' },
      },
    ])
  })

  it('takes the EU endpoint (or the emulator) as siteverifyUrl, and leaves sitekey out when unset', async () => {
    const { fetch, sent } = fakeFetch(200, SUCCESS)
    const url = 'https://eu.frcapi.com/api/v2/captcha/siteverify'
    await verifier(fetch, { siteverifyUrl: url }).verify('frc.token')
    expect(sent[0]).toMatchObject({ url, body: { response: 'frc.token' } })
  })

  it.each([
    [200, 'response_invalid', 'invalid_token'],
    [200, 'response_timeout', 'token_expired'],
    [200, 'response_duplicate', 'token_consumed'],
    [400, 'response_missing', 'missing_token'],
    [400, 'sitekey_invalid', 'invalid_site_key'],
    [400, 'bad_request', 'bad_request'],
    [401, 'auth_required', 'invalid_secret'],
    [401, 'auth_invalid', 'invalid_secret'],
  ])('reads HTTP %i %s as %s, its own code kept in detail', async (status, code, error) => {
    const { fetch } = fakeFetch(status, refused(code))
    const verdict = await verifier(fetch).verify('frc.token')
    expect(verdict).toMatchObject({ success: false, error, detail: code })
  })

  it('never passes without an explicit success: true, nor with an error beside it', async () => {
    for (const body of [
      { data: SUCCESS.data },
      { success: 'true' },
      { success: true, error: { error_code: 'response_invalid' } },
    ]) {
      const { fetch } = fakeFetch(200, body)
      expect((await verifier(fetch).verify('frc.token')).success).toBe(false)
    }
  })

  it('reads a code it does not know as request_failed, the code only in detail', async () => {
    const { fetch } = fakeFetch(200, refused('<b>new_code</b>'))
    const verdict = await verifier(fetch).verify('frc.token')
    expect(verdict).toMatchObject({ success: false, error: 'request_failed' })
    expect(verdict.detail).toMatch(/unknown error code/)
    expect(verdict.detail).not.toContain('<')
  })

  it('reads a 5xx, a 429, another 4xx and an answer that is not JSON as an outage', async () => {
    for (const [status, body, error] of [
      [500, refused('response_invalid'), 'request_failed'],
      [429, { message: 'slow down' }, 'rate_limit_exceeded'],
      [403, refused('auth_invalid'), 'request_failed'],
      [200, '<html>', 'request_failed'],
      [400, 'not json', 'request_failed'],
    ] as const) {
      const { fetch } = fakeFetch(status, body)
      expect(await verifier(fetch).verify('frc.token')).toMatchObject({ success: false, error })
    }
  })

  it('refuses a missing, oversized or malformed response unsent', async () => {
    const { fetch, sent } = fakeFetch(200, SUCCESS)
    const check = verifier(fetch)
    expect(await check.verify('')).toMatchObject({ error: 'missing_token' })
    expect(await check.verify('x'.repeat(16_385))).toMatchObject({ error: 'token_too_long' })
    expect(await check.verify('has spaces')).toMatchObject({ error: 'invalid_token' })
    expect(sent).toHaveLength(0)
  })

  it('refuses a response solved on another hostname, or when an action is expected', async () => {
    const { fetch } = fakeFetch(200, SUCCESS)
    const check = verifier(fetch)
    expect(await check.verify('frc.token', { expectedHostname: 'other.example' })).toMatchObject({
      success: false,
      error: 'token_hostname_mismatch',
    })
    // Friendly Captcha has no action.
    expect(await check.verify('frc.token', { expectedAction: 'signup' })).toMatchObject({
      success: false,
      error: 'token_action_mismatch',
    })
  })

  it('verifyFriendlyCaptcha: the client below, with its own codes; throws without an API key', async () => {
    const { fetch } = fakeFetch(200, refused('response_duplicate'))
    expect(await verifyFriendlyCaptcha({ secret: 'k', token: 't', fetch })).toMatchObject({
      success: false,
      errorCodes: ['response_duplicate'],
    })
    await expect(verifyFriendlyCaptcha({ secret: '', token: 't' })).rejects.toMatchObject({
      name: 'CaptchaConfigError',
      code: 'missing-secret',
    })
  })
})
