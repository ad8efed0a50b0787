// createVerifier against the mock for every provider, and against providers that misbehave:
// each answer is one of VERIFY_ERRORS with the right kind, and the provider's text stays in
// `detail`.
import {
  createManualClock,
  createMockServer,
  solveChallenge,
  solveProviderChallenge,
  type MockServer,
} from '@passline/mock-server'
import { afterEach, describe, expect, it } from 'vitest'
import { createVerifier, errorKind, VERIFY_ERRORS, type Verdict } from '../src/index'
import { json, upstream } from './upstreams'

let mock: MockServer | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

const clock = createManualClock()
async function start() {
  mock = await createMockServer({ clock })
  return mock.url
}

/** Every verdict must carry a listed code when it fails, and no code when it passes. */
function listed(verdict: Verdict) {
  if (verdict.success) expect(verdict.error).toBeUndefined()
  else expect(Object.keys(VERIFY_ERRORS)).toContain(verdict.error)
  return verdict
}

describe('createVerifier against the mock', () => {
  it('CaptchaLa: passes once, then token_consumed; the action and uid come through', async () => {
    const url = await start()
    const verifier = createVerifier({
      provider: 'captchala',
      appKey: 'test_pass_invisible',
      appSecret: 'test_secret',
      baseUrl: url,
    })
    const { token } = await solveChallenge(url, { appKey: 'test_pass_invisible', action: 'login' })
    expect(listed(await verifier.verify(token, { expectedAction: 'login' }))).toMatchObject({
      success: true,
      provider: 'captchala',
      action: 'login',
      uid: null,
      raw: { code: 0 },
    })
    expect(listed(await verifier.verify(token))).toMatchObject({
      success: false,
      error: 'token_consumed',
      detail: 'token_consumed',
    })
    const other = await solveChallenge(url, { appKey: 'test_pass_invisible', action: 'login' })
    expect(await verifier.verify(other.token, { expectedAction: 'pay' })).toMatchObject({
      success: false,
      error: 'token_action_mismatch',
    })
    clock.advance(121_000)
    expect(await verifier.verify(other.token)).toMatchObject({ error: 'token_expired' })
  })

  it('CaptchaLa: a wrong secret is configuration, a degraded token unavailable', async () => {
    const url = await start()
    const wrong = createVerifier({
      provider: 'captchala',
      appKey: 'test_pass',
      appSecret: 'nope',
      baseUrl: url,
    })
    const verdict = listed(await wrong.verify('pt_x'))
    expect(verdict.error).toBe('invalid_secret')
    expect(errorKind(verdict.error!)).toBe('configuration')
    const degraded = createVerifier({
      provider: 'captchala',
      appKey: 'test_degraded',
      appSecret: 'test_secret',
      baseUrl: url,
    })
    const { token } = await solveChallenge(url, { appKey: 'test_degraded' })
    expect(await degraded.verify(token)).toMatchObject({
      success: false,
      error: 'degraded',
      detail: 'quota_exhausted',
    })
  })

  it('Turnstile: passes once, then token_expired_or_consumed; expectedHostname is checked', async () => {
    const url = await start()
    const verifier = createVerifier({
      provider: 'turnstile',
      secret: '0x4AAAAAAAPasslineDemoSecret',
      siteverifyUrl: `${url}/turnstile/v0/siteverify`,
    })
    const solve = async () =>
      (
        await solveProviderChallenge(url, {
          provider: 'turnstile',
          siteKey: '0x4AAAAAAAPasslineDemo',
          action: 'login',
          hostname: 'shop.example',
        })
      ).token
    const token = await solve()
    expect(
      listed(
        await verifier.verify(token, { expectedAction: 'login', expectedHostname: 'shop.example' }),
      ),
    ).toMatchObject({
      success: true,
      provider: 'turnstile',
      action: 'login',
      hostname: 'shop.example',
    })
    expect(await verifier.verify(token)).toMatchObject({
      success: false,
      error: 'token_expired_or_consumed',
      detail: 'timeout-or-duplicate',
    })
    expect(
      await verifier.verify(await solve(), { expectedHostname: 'evil.example' }),
    ).toMatchObject({ success: false, error: 'token_hostname_mismatch' })
  })

  it('Turnstile: the same idempotency key gets the same answer', async () => {
    const url = await start()
    const verifier = createVerifier({
      provider: 'turnstile',
      secret: '0x4AAAAAAAPasslineDemoSecret',
      siteverifyUrl: `${url}/turnstile/v0/siteverify`,
    })
    const { token } = await solveProviderChallenge(url, {
      provider: 'turnstile',
      siteKey: '0x4AAAAAAAPasslineDemo',
    })
    const idempotencyKey = '0f8b5b0c-6a43-4d0e-9d61-7c1f3e2a9b44'
    expect((await verifier.verify(token, { idempotencyKey })).success).toBe(true)
    expect((await verifier.verify(token, { idempotencyKey })).success).toBe(true)
  })

  it('hCaptcha: the site key is sent; another site’s token is site_key_mismatch, a token failure', async () => {
    const url = await start()
    const verifier = createVerifier({
      provider: 'hcaptcha',
      secret: '0xPasslineDemoHcaptchaSecret',
      siteKey: 'a1b2c3d4-0000-4000-8000-passline0001',
      siteverifyUrl: `${url}/hcaptcha/siteverify`,
    })
    const { token } = await solveProviderChallenge(url, {
      provider: 'hcaptcha',
      siteKey: 'a1b2c3d4-0000-4000-8000-passline0001',
    })
    expect(listed(await verifier.verify(token))).toMatchObject({
      success: true,
      provider: 'hcaptcha',
    })
    expect(await verifier.verify(token)).toMatchObject({ error: 'token_consumed' })
    const testKeyToken = '10000000-aaaa-bbbb-cccc-000000000001'
    const verdict = listed(await verifier.verify(testKeyToken))
    expect(errorKind(verdict.error!)).toBe('token')
  })

  it('reCAPTCHA v3: minScore, and the score comes through', async () => {
    const url = await start()
    const siteverifyUrl = `${url}/recaptcha/api/siteverify`
    const solve = async () =>
      (
        await solveProviderChallenge(url, {
          provider: 'recaptcha',
          siteKey: '6LPasslineDemoV3ScoreKey0000000000000000',
          action: 'submit',
          version: 'v3',
        })
      ).token
    const secret = '6LPasslineDemoV3ScoreSecret000000000000'
    const lenient = createVerifier({ provider: 'recaptcha', secret, minScore: 0.5, siteverifyUrl })
    expect(listed(await lenient.verify(await solve(), { expectedAction: 'submit' }))).toMatchObject(
      {
        success: true,
        score: 0.9,
        action: 'submit',
      },
    )
    const strict = createVerifier({ provider: 'recaptcha', secret, minScore: 0.95, siteverifyUrl })
    expect(await strict.verify(await solve())).toMatchObject({
      success: false,
      error: 'token_score_too_low',
      score: 0.9,
    })
  })
})

describe('createVerifier against hostile providers', () => {
  const captchala = (baseUrl: string) =>
    createVerifier({ provider: 'captchala', appKey: 'k', appSecret: 's', baseUrl })
  const turnstile = (siteverifyUrl: string) =>
    createVerifier({ provider: 'turnstile', secret: 's', siteverifyUrl })

  it.each([
    ['CaptchaLa 500 "boom"', 'captchala', 500, { code: 500, msg: 'boom' }, 'request_failed'],
    ['CaptchaLa 429', 'captchala', 429, { code: 429, msg: 'later' }, 'rate_limit_exceeded'],
    [
      'CaptchaLa 200 refusal "Database error"',
      'captchala',
      200,
      { code: 1, msg: 'Database error: x' },
      'request_failed',
    ],
    [
      'CaptchaLa <script>',
      'captchala',
      502,
      { code: 502, msg: '<script>x</script>' },
      'request_failed',
    ],
    [
      'CaptchaLa 401 invalid_app_secret',
      'captchala',
      401,
      { code: 401, msg: 'no', data: { error: 'invalid_app_secret' } },
      'invalid_secret',
    ],
    [
      'CaptchaLa validation, unknown code',
      'captchala',
      200,
      { code: 0, data: { valid: false, error: 'new_thing' } },
      'invalid_token',
    ],
    ['siteverify 500', 'turnstile', 500, { success: true }, 'request_failed'],
    ['siteverify 429', 'turnstile', 429, {}, 'rate_limit_exceeded'],
    [
      'siteverify error-codes as a string',
      'turnstile',
      200,
      { success: false, 'error-codes': 'invalid-input-secret' },
      'invalid_secret',
    ],
    [
      'siteverify unknown code',
      'turnstile',
      200,
      { success: false, 'error-codes': ['<b>new</b>'] },
      'request_failed',
    ],
    [
      'siteverify a token code and a secret code',
      'turnstile',
      200,
      { success: false, 'error-codes': ['invalid-input-response', 'invalid-input-secret'] },
      'invalid_secret',
    ],
  ] as const)('%s → a listed code', async (_name, provider, status, body, error) => {
    const fake = await upstream((_request, response) => json(response, body, status))
    const verifier = provider === 'captchala' ? captchala(fake.url) : turnstile(fake.url)
    const verdict = listed(await verifier.verify('tok_1'))
    expect(verdict).toMatchObject({ success: false, error })
    expect(verdict.detail ?? '').not.toMatch(/[<>]/)
    expect((verdict.detail ?? '').length).toBeLessThanOrEqual(200)
  })

  it('refuses an oversized token before any call, for every provider', async () => {
    const fake = await upstream((_request, response) => json(response, { success: true }))
    for (const [verifier, cap] of [
      [captchala(fake.url), 4096],
      [turnstile(fake.url), 2048],
      [createVerifier({ provider: 'hcaptcha', secret: 's', siteverifyUrl: fake.url }), 8192],
      [createVerifier({ provider: 'recaptcha', secret: 's', siteverifyUrl: fake.url }), 8192],
    ] as const) {
      expect(await verifier.verify('x'.repeat(cap + 1))).toMatchObject({
        success: false,
        error: 'token_too_long',
        raw: null,
      })
      expect(await verifier.verify('x'.repeat(900 * 1024))).toMatchObject({
        error: 'token_too_long',
      })
    }
    expect(await turnstile(fake.url).verify('')).toMatchObject({ error: 'missing_token' })
    expect(await captchala(fake.url).verify(undefined)).toMatchObject({ error: 'missing_token' })
    expect(fake.requests).toHaveLength(0)
  })

  it('an aborted call is request_failed (an outage, never the person’s fault)', async () => {
    const silent = await upstream(() => {})
    const controller = new AbortController()
    const pending = captchala(silent.url).verify('pt_x', { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    expect(await pending).toMatchObject({
      error: 'request_failed',
      detail: 'request_failed: aborted',
    })
  })
})

describe('a lazy config', () => {
  it('is read on first use; missing secrets are not_configured until they exist', async () => {
    const url = await start()
    const env: Record<string, string | undefined> = {}
    let reads = 0
    const verifier = createVerifier(() => {
      reads++
      return {
        provider: 'captchala',
        appKey: env.KEY!,
        appSecret: env.SECRET!,
        baseUrl: url,
      }
    })
    expect(reads).toBe(0)
    expect(await verifier.verify('pt_x')).toMatchObject({
      success: false,
      error: 'not_configured',
      detail: 'missing-app-key',
      provider: 'captchala',
    })
    Object.assign(env, { KEY: 'test_pass_invisible', SECRET: 'test_secret' })
    const { token } = await solveChallenge(url, { appKey: 'test_pass_invisible' })
    expect(await verifier.verify(token)).toMatchObject({ success: true })
    expect(await verifier.verify('pt_y')).toMatchObject({ error: 'invalid_token' })
    expect(reads).toBe(2)
  })

  it('a config object without its secret throws at once', () => {
    expect(() => createVerifier({ provider: 'turnstile', secret: '' })).toThrow(/secret/)
  })
})
