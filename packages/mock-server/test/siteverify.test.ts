import { describe, expect, it } from 'vitest'
import {
  createManualClock,
  HCAPTCHA_TEST_SECRET,
  RECAPTCHA_TEST_SECRET,
  TURNSTILE_DUMMY_TOKEN,
  TURNSTILE_TEST_SECRETS,
  type EmulatedProvider,
} from '../src/index'
import { startMock } from './helpers'

// Friendly Captcha's siteverify (JSON with X-API-Key) has its own tests: friendlycaptcha.test.ts.
const PATHS: Record<Exclude<EmulatedProvider, 'friendlycaptcha'>, string> = {
  turnstile: '/turnstile/v0/siteverify',
  hcaptcha: '/hcaptcha/siteverify',
  recaptcha: '/recaptcha/api/siteverify',
}
const DEMO = {
  turnstile: { siteKey: '0x4AAAAAAAPasslineDemo', secret: '0x4AAAAAAAPasslineDemoSecret' },
  hcaptcha: {
    siteKey: 'a1b2c3d4-0000-4000-8000-passline0001',
    secret: '0xPasslineDemoHcaptchaSecret',
  },
  recaptcha: {
    siteKey: '6LPasslineDemoV2CheckboxKey00000000000000',
    secret: '6LPasslineDemoV2CheckboxSecret0000000000',
  },
}
const HCAPTCHA_DUMMY = '10000000-aaaa-bbbb-cccc-000000000001'

type Fields = Record<string, string>

/** Siteverify as the providers' own clients call it: a form POST. */
async function verify(url: string, provider: keyof typeof PATHS, fields: Fields) {
  const response = await fetch(url + PATHS[provider], {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** A token the way the emulated widget gets one, from a page at shop.test. */
async function mint(
  url: string,
  provider: EmulatedProvider,
  request: { sitekey: string; action?: string; cdata?: string; version?: string },
) {
  const response = await fetch(`${url}/${provider}/mock/solve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://shop.test' },
    body: JSON.stringify(request),
  })
  const body = (await response.json()) as { token: string; expires_in: number; error?: string }
  return { status: response.status, ...body }
}

const failsWith = (code: string) => ({ success: false, 'error-codes': [code] })

describe('Turnstile siteverify', () => {
  it('verifies a minted token once, with hostname, action and cData', async () => {
    const { url } = await startMock()
    const { token, expires_in } = await mint(url, 'turnstile', {
      sitekey: DEMO.turnstile.siteKey,
      action: 'login',
      cdata: 'session-42',
    })
    expect(token).toMatch(/^0\./)
    expect(expires_in).toBe(300)
    const first = await verify(url, 'turnstile', { secret: DEMO.turnstile.secret, response: token })
    expect(first).toEqual({
      status: 200,
      body: {
        success: true,
        'error-codes': [],
        challenge_ts: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        hostname: 'shop.test',
        action: 'login',
        cdata: 'session-42',
        metadata: { interactive: false },
      },
    })
    const again = await verify(url, 'turnstile', { secret: DEMO.turnstile.secret, response: token })
    expect(again.body).toEqual(failsWith('timeout-or-duplicate'))
  })

  it('answers a retried idempotency key with the first answer instead of a duplicate', async () => {
    const { url } = await startMock()
    const { token } = await mint(url, 'turnstile', { sitekey: DEMO.turnstile.siteKey })
    const key = '5d1fa7c4-8a5e-4f0b-9c43-1b8e0c2a7f10'
    const fields = { secret: DEMO.turnstile.secret, response: token, idempotency_key: key }
    const first = await verify(url, 'turnstile', fields)
    expect(first.body.success).toBe(true)
    expect(await verify(url, 'turnstile', fields)).toEqual(first)
    const otherKey = { ...fields, idempotency_key: '00000000-0000-4000-8000-000000000000' }
    expect((await verify(url, 'turnstile', otherKey)).body).toEqual(
      failsWith('timeout-or-duplicate'),
    )
    expect((await verify(url, 'turnstile', { ...fields, idempotency_key: 'nope' })).body).toEqual(
      failsWith('bad-request'),
    )
  })

  it('expires tokens after 300 s on the injected clock', async () => {
    const clock = createManualClock()
    const { url } = await startMock({ clock })
    const { token } = await mint(url, 'turnstile', { sitekey: DEMO.turnstile.siteKey })
    clock.advance(300_000)
    expect(
      (await verify(url, 'turnstile', { secret: DEMO.turnstile.secret, response: token })).body,
    ).toEqual(failsWith('timeout-or-duplicate'))
  })

  it('takes JSON as well as a form', async () => {
    const { url } = await startMock()
    const { token } = await mint(url, 'turnstile', { sitekey: DEMO.turnstile.siteKey })
    const response = await fetch(url + PATHS.turnstile, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: DEMO.turnstile.secret, response: token }),
    })
    expect(((await response.json()) as { success: boolean }).success).toBe(true)
  })

  it.each([
    [
      'the pass test secret and the dummy token',
      TURNSTILE_TEST_SECRETS.pass,
      TURNSTILE_DUMMY_TOKEN,
      null,
    ],
    [
      'the fail test secret',
      TURNSTILE_TEST_SECRETS.fail,
      TURNSTILE_DUMMY_TOKEN,
      'invalid-input-response',
    ],
    [
      'the spent test secret',
      TURNSTILE_TEST_SECRETS.spent,
      TURNSTILE_DUMMY_TOKEN,
      'timeout-or-duplicate',
    ],
    [
      'a production secret and the dummy token',
      DEMO.turnstile.secret,
      TURNSTILE_DUMMY_TOKEN,
      'invalid-input-response',
    ],
    [
      'the pass test secret and a real token',
      TURNSTILE_TEST_SECRETS.pass,
      'MINTED',
      'invalid-input-secret',
    ],
  ])('with %s', async (_case, secret, response, code) => {
    const { url } = await startMock()
    const token =
      response === 'MINTED'
        ? (await mint(url, 'turnstile', { sitekey: DEMO.turnstile.siteKey })).token
        : response
    const { body } = await verify(url, 'turnstile', { secret, response: token })
    if (code) return expect(body).toEqual(failsWith(code))
    expect(body).toMatchObject({ success: true, hostname: 'localhost' })
    // Test tokens verify any number of times.
    expect((await verify(url, 'turnstile', { secret, response: token })).body.success).toBe(true)
  })

  it('fails challenges of the always-fail test keys in the widget, with 600010', async () => {
    const { url } = await startMock()
    const failed = await mint(url, 'turnstile', { sitekey: '2x00000000000000000000AB' })
    expect(failed).toMatchObject({ status: 403, error: '600010' })
    const badAction = await mint(url, 'turnstile', {
      sitekey: DEMO.turnstile.siteKey,
      action: 'has spaces',
    })
    expect(badAction).toMatchObject({ status: 400, error: '110420' })
    const unknown = await mint(url, 'turnstile', { sitekey: 'nope' })
    expect(unknown).toMatchObject({ status: 400, error: '110100' })
  })
})

describe('hCaptcha siteverify', () => {
  it('verifies a minted token once, and checks the sitekey field against it', async () => {
    const { url } = await startMock()
    const { token, expires_in } = await mint(url, 'hcaptcha', { sitekey: DEMO.hcaptcha.siteKey })
    expect(token).toMatch(/^P1_/)
    expect(expires_in).toBe(120)
    const mismatch = await verify(url, 'hcaptcha', {
      secret: DEMO.hcaptcha.secret,
      response: token,
      sitekey: '10000000-ffff-ffff-ffff-000000000001',
    })
    expect(mismatch.body).toEqual(failsWith('sitekey-secret-mismatch'))
    const fields = { secret: DEMO.hcaptcha.secret, response: token, sitekey: DEMO.hcaptcha.siteKey }
    expect((await verify(url, 'hcaptcha', fields)).body).toEqual({
      success: true,
      challenge_ts: expect.any(String),
      hostname: 'shop.test',
      credit: false,
    })
    expect((await verify(url, 'hcaptcha', fields)).body).toEqual(failsWith('already-seen-response'))
  })

  it('answers expired-input-response after 120 s', async () => {
    const clock = createManualClock()
    const { url } = await startMock({ clock })
    const { token } = await mint(url, 'hcaptcha', { sitekey: DEMO.hcaptcha.siteKey })
    clock.advance(120_000)
    const { body } = await verify(url, 'hcaptcha', {
      secret: DEMO.hcaptcha.secret,
      response: token,
    })
    expect(body).toEqual(failsWith('expired-input-response'))
  })

  it.each([
    ['the test secret and the dummy token', HCAPTCHA_TEST_SECRET, HCAPTCHA_DUMMY, null],
    [
      'a real secret and the dummy token',
      DEMO.hcaptcha.secret,
      HCAPTCHA_DUMMY,
      'not-using-dummy-secret',
    ],
    [
      'the test secret and a real token',
      HCAPTCHA_TEST_SECRET,
      'MINTED',
      'not-using-dummy-passcode',
    ],
    ['an unknown secret', '0xnot-a-secret', HCAPTCHA_DUMMY, 'invalid-input-secret'],
  ])('with %s', async (_case, secret, response, code) => {
    const { url } = await startMock()
    const token =
      response === 'MINTED'
        ? (await mint(url, 'hcaptcha', { sitekey: DEMO.hcaptcha.siteKey })).token
        : response
    const { body } = await verify(url, 'hcaptcha', { secret, response: token })
    if (code) return expect(body).toEqual(failsWith(code))
    expect(body).toMatchObject({ success: true, hostname: 'dummy-key-pass', credit: false })
  })

  it('refuses a malformed remoteip', async () => {
    const { url } = await startMock()
    const { body } = await verify(url, 'hcaptcha', {
      secret: HCAPTCHA_TEST_SECRET,
      response: HCAPTCHA_DUMMY,
      remoteip: '300.1.1.1',
    })
    expect(body).toEqual(failsWith('invalid-remoteip'))
  })
})

describe('reCAPTCHA siteverify', () => {
  it('verifies a v2 token once; a second try is timeout-or-duplicate', async () => {
    const { url } = await startMock()
    const { token } = await mint(url, 'recaptcha', { sitekey: DEMO.recaptcha.siteKey })
    expect(token).toMatch(/^03A/)
    const fields = { secret: DEMO.recaptcha.secret, response: token }
    expect((await verify(url, 'recaptcha', fields)).body).toEqual({
      success: true,
      challenge_ts: expect.any(String),
      hostname: 'shop.test',
    })
    expect((await verify(url, 'recaptcha', fields)).body).toEqual(failsWith('timeout-or-duplicate'))
  })

  it('adds score and action for v3 keys, and accepts GET as Google does', async () => {
    const { url } = await startMock({
      sites: [
        {
          provider: 'recaptcha',
          siteKey: 'v3-key',
          secret: 'v3-secret',
          version: 'v3',
          score: 0.3,
        },
      ],
    })
    const { token } = await mint(url, 'recaptcha', {
      sitekey: 'v3-key',
      action: 'checkout',
      version: 'v3',
    })
    const query = new URLSearchParams({ secret: 'v3-secret', response: token })
    const response = await fetch(`${url}${PATHS.recaptcha}?${query}`)
    expect(await response.json()).toMatchObject({ success: true, score: 0.3, action: 'checkout' })
    // A v3 key draws no widget, and a v2 key gives no score token.
    expect(await mint(url, 'recaptcha', { sitekey: 'v3-key' })).toMatchObject({ status: 400 })
    expect(
      await mint(url, 'recaptcha', { sitekey: DEMO.recaptcha.siteKey, version: 'v3' }),
    ).toMatchObject({ status: 400 })
  })

  it('passes any token with the test secret, as testkey.google.com', async () => {
    const { url } = await startMock()
    const { body } = await verify(url, 'recaptcha', {
      secret: RECAPTCHA_TEST_SECRET,
      response: 'anything-at-all',
    })
    expect(body).toMatchObject({ success: true, hostname: 'testkey.google.com' })
  })

  it('refuses a token minted for another provider or another site', async () => {
    const { url } = await startMock()
    const turnstile = await mint(url, 'turnstile', { sitekey: DEMO.turnstile.siteKey })
    expect(
      (await verify(url, 'recaptcha', { secret: DEMO.recaptcha.secret, response: turnstile.token }))
        .body,
    ).toEqual(failsWith('invalid-input-response'))
    const v3 = await mint(url, 'recaptcha', {
      sitekey: '6LPasslineDemoV3ScoreKey0000000000000000',
      version: 'v3',
    })
    expect(
      (await verify(url, 'recaptcha', { secret: DEMO.recaptcha.secret, response: v3.token })).body,
    ).toEqual(failsWith('invalid-input-response'))
  })
})

describe('siteverify and bad input', () => {
  const requests: [string, RequestInit][] = [
    ['no fields', { body: '' }],
    ['no secret', { body: 'response=abc' }],
    ['no response', { body: 'secret=abc' }],
    ['bad JSON', { body: '{"secret":', headers: { 'content-type': 'application/json' } }],
    [
      'a number secret',
      { body: '{"secret":1,"response":"x"}', headers: { 'content-type': 'application/json' } },
    ],
    ['an array body', { body: '["secret"]', headers: { 'content-type': 'application/json' } }],
    ['plain text', { body: 'secret=a&response=b', headers: { 'content-type': 'text/plain' } }],
    ['a huge body', { body: `secret=a&response=${'x'.repeat(20_000)}` }],
    ['a long Turnstile response', { body: `secret=a&response=${'x'.repeat(2049)}` }],
  ]
  it.each(requests)(
    '%s: a 4xx or 200 failure in the provider shape, and the server goes on',
    async (_case, init) => {
      const { url } = await startMock()
      for (const path of Object.values(PATHS)) {
        const response = await fetch(url + path, {
          method: 'POST',
          ...init,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
        })
        expect(response.status).toBeLessThan(500)
        expect(await response.json()).toMatchObject({
          success: false,
          'error-codes': [expect.any(String)],
        })
      }
      const after = await verify(url, 'hcaptcha', {
        secret: HCAPTCHA_TEST_SECRET,
        response: HCAPTCHA_DUMMY,
      })
      expect(after.body.success).toBe(true)
    },
  )
})
