// The verifiers against @passline/mock-server's emulated siteverify: the providers' own
// encodings, fields and error codes, with tokens minted the way each widget gets them.
import {
  createManualClock,
  createMockServer,
  HCAPTCHA_TEST_SECRET,
  RECAPTCHA_TEST_SECRET,
  solveProviderChallenge,
  TURNSTILE_DUMMY_TOKEN,
  TURNSTILE_TEST_SECRETS,
  type MockServer,
  type SolveProviderChallengeOptions,
} from '@passline/mock-server'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyHcaptcha, verifyRecaptcha, verifyTurnstile } from '../src/index'

let mock: MockServer | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

async function setup(clock = createManualClock()) {
  mock = await createMockServer({
    clock,
    sites: [
      {
        provider: 'recaptcha',
        siteKey: 'v3-low',
        secret: 'v3-low-secret',
        version: 'v3',
        score: 0.2,
      },
    ],
  })
  const url = mock.url
  const token = async (options: SolveProviderChallengeOptions) =>
    (await solveProviderChallenge(url, { hostname: 'shop.example', ...options })).token
  return { url, clock, token }
}

describe('verifyTurnstile against the emulated siteverify', () => {
  const siteKey = '0x4AAAAAAAPasslineDemo'
  const secret = '0x4AAAAAAAPasslineDemoSecret'

  it('passes a fresh token with its action, hostname and cData, once', async () => {
    const { url, token } = await setup()
    const response = await token({ provider: 'turnstile', siteKey, action: 'login', cdata: 'c1' })
    const options = {
      secret,
      token: response,
      url: `${url}/turnstile/v0/siteverify`,
      expectedAction: 'login',
      expectedHostname: 'shop.example',
    }
    expect(await verifyTurnstile(options)).toMatchObject({
      success: true,
      errorCodes: [],
      action: 'login',
      hostname: 'shop.example',
      cdata: 'c1',
      challengeTs: expect.any(String),
    })
    expect(await verifyTurnstile(options)).toMatchObject({
      success: false,
      errorCodes: ['timeout-or-duplicate'],
    })
  })

  it('gets the same answer for a retried idempotency key', async () => {
    const { url, token } = await setup()
    const options = {
      secret,
      token: await token({ provider: 'turnstile', siteKey }),
      url: `${url}/turnstile/v0/siteverify`,
      idempotencyKey: '0f8b5b0c-6a43-4d0e-9d61-7c1f3e2a9b44',
    }
    expect((await verifyTurnstile(options)).success).toBe(true)
    expect((await verifyTurnstile(options)).success).toBe(true)
  })

  it('refuses another action, an expired token, and the dummy token with a real secret', async () => {
    const { url, token, clock } = await setup()
    const endpoint = `${url}/turnstile/v0/siteverify`
    const wrongAction = await verifyTurnstile({
      secret,
      token: await token({ provider: 'turnstile', siteKey, action: 'login' }),
      url: endpoint,
      expectedAction: 'signup',
    })
    expect(wrongAction).toMatchObject({ success: false, errorCodes: ['action-mismatch'] })
    const old = await token({ provider: 'turnstile', siteKey })
    clock.advance(300_000)
    expect(await verifyTurnstile({ secret, token: old, url: endpoint })).toMatchObject({
      errorCodes: ['timeout-or-duplicate'],
    })
    expect(
      await verifyTurnstile({ secret, token: TURNSTILE_DUMMY_TOKEN, url: endpoint }),
    ).toMatchObject({ success: false, errorCodes: ['invalid-input-response'] })
    expect(
      await verifyTurnstile({
        secret: TURNSTILE_TEST_SECRETS.pass,
        token: TURNSTILE_DUMMY_TOKEN,
        url: endpoint,
      }),
    ).toMatchObject({ success: true })
  })
})

describe('verifyHcaptcha against the emulated siteverify', () => {
  const siteKey = 'a1b2c3d4-0000-4000-8000-passline0001'
  const secret = '0xPasslineDemoHcaptchaSecret'

  it('passes once with the sitekey, and names what is wrong otherwise', async () => {
    const { url, token } = await setup()
    const endpoint = `${url}/hcaptcha/siteverify`
    const response = await token({ provider: 'hcaptcha', siteKey })
    expect(
      await verifyHcaptcha({ secret, token: response, sitekey: 'another-site', url: endpoint }),
    ).toMatchObject({ success: false, errorCodes: ['sitekey-secret-mismatch'] })
    const options = {
      secret,
      token: response,
      sitekey: siteKey,
      remoteIp: '203.0.113.9',
      url: endpoint,
    }
    expect(await verifyHcaptcha(options)).toMatchObject({
      success: true,
      hostname: 'shop.example',
    })
    expect(await verifyHcaptcha(options)).toMatchObject({
      success: false,
      errorCodes: ['already-seen-response'],
    })
    const dummy = await token({
      provider: 'hcaptcha',
      siteKey: '10000000-ffff-ffff-ffff-000000000001',
    })
    expect(await verifyHcaptcha({ secret, token: dummy, url: endpoint })).toMatchObject({
      errorCodes: ['not-using-dummy-secret'],
    })
    expect(
      await verifyHcaptcha({ secret: HCAPTCHA_TEST_SECRET, token: dummy, url: endpoint }),
    ).toMatchObject({ success: true, hostname: 'dummy-key-pass' })
  })
})

describe('verifyRecaptcha against the emulated siteverify', () => {
  it('checks a v3 score against minScore and the action', async () => {
    const { url, token } = await setup()
    const endpoint = `${url}/recaptcha/api/siteverify`
    const good = await token({
      provider: 'recaptcha',
      siteKey: '6LPasslineDemoV3ScoreKey0000000000000000',
      action: 'checkout',
      version: 'v3',
    })
    expect(
      await verifyRecaptcha({
        secret: '6LPasslineDemoV3ScoreSecret000000000000',
        token: good,
        url: endpoint,
        minScore: 0.5,
        expectedAction: 'checkout',
      }),
    ).toMatchObject({ success: true, score: 0.9, action: 'checkout' })
    const low = await token({ provider: 'recaptcha', siteKey: 'v3-low', version: 'v3' })
    expect(
      await verifyRecaptcha({ secret: 'v3-low-secret', token: low, url: endpoint, minScore: 0.5 }),
    ).toMatchObject({ success: false, score: 0.2, errorCodes: ['score-too-low'] })
  })

  it('passes v2 tokens once, and anything with the test secret', async () => {
    const { url, token } = await setup()
    const endpoint = `${url}/recaptcha/api/siteverify`
    const options = {
      secret: '6LPasslineDemoV2CheckboxSecret0000000000',
      token: await token({
        provider: 'recaptcha',
        siteKey: '6LPasslineDemoV2CheckboxKey00000000000000',
      }),
      url: endpoint,
    }
    expect((await verifyRecaptcha(options)).success).toBe(true)
    expect(await verifyRecaptcha(options)).toMatchObject({ errorCodes: ['timeout-or-duplicate'] })
    expect(
      await verifyRecaptcha({ secret: RECAPTCHA_TEST_SECRET, token: 'whatever', url: endpoint }),
    ).toMatchObject({ success: true, hostname: 'testkey.google.com' })
  })
})
