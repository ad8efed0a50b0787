import {
  createMockServer,
  solveChallenge,
  solveProviderChallenge,
  type MockServer,
  type SolveProviderChallengeOptions,
} from '@passline/mock-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'

let mock: MockServer
let api: DemoApi
beforeEach(async () => {
  mock = await createMockServer()
  api = await createDemoApi({ captchalaUrl: mock.url, port: 0, escalateAfter: 2 })
})
afterEach(async () => {
  await api.close()
  await mock.close()
})

const signup = async (body: object) => {
  const response = await fetch(`${api.url}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
const token = async (options: { serverToken?: string; action?: string } = {}) =>
  (await solveChallenge(mock.url, { action: 'signup', ...options })).token

describe('demo backend', () => {
  it('tells pages where each provider’s script is and which keys they may pick, without secrets', async () => {
    const response = await fetch(`${api.url}/api/config`)
    const text = await response.text()
    const config = JSON.parse(text) as {
      loaderUrl: string
      providers: Record<string, { scriptUrl: string; siteKeys: { key: string }[] }>
    }
    expect(config.loaderUrl).toBe(`${mock.url}/captchala-loader.js`)
    expect(Object.keys(config.providers)).toEqual([
      'captchala',
      'turnstile',
      'hcaptcha',
      'recaptcha',
    ])
    expect(config.providers.turnstile!.scriptUrl).toBe(`${mock.url}/turnstile/v0/api.js`)
    expect(config.providers.recaptcha!.siteKeys).toContainEqual({
      key: '6LPasslineDemoV3ScoreKey0000000000000000',
      label: 'demo: v3 score',
      version: 'v3',
    })
    expect(text).not.toMatch(/secret/i)
  })

  it('creates an account only with a valid token for the signup action', async () => {
    expect(await signup({ email: 'a@b.c', captchaToken: await token() })).toEqual({
      status: 201,
      body: { ok: true, account: { email: 'a@b.c' } },
    })
    expect(
      await signup({ email: 'b@b.c', captchaToken: await token({ action: 'login' }) }),
    ).toEqual({
      status: 403,
      body: { error: 'captcha_failed', reason: 'token_action_mismatch' },
    })
  })

  it('reads the token from captchaToken only: the old `token` field is not a way in', async () => {
    const refused = await signup({ email: 'old@b.c', token: await token() })
    expect(refused).toMatchObject({ status: 403, body: { error: 'captcha_failed' } })
  })

  it('refuses bad input clearly', async () => {
    expect(await signup({ email: 'nope', captchaToken: 'x' })).toEqual({
      status: 400,
      body: { error: 'invalid_email' },
    })
    expect(await signup({ email: 'a@b.c', captchaToken: 'x', appKey: 'someone_else' })).toEqual({
      status: 400,
      body: { error: 'unknown_site_key' },
    })
    expect(
      await signup({ email: 'a@b.c', captchaToken: 'x', provider: 'friendly', siteKey: 'k' }),
    ).toEqual({ status: 400, body: { error: 'unknown_site_key' } })
    expect(
      await signup({
        email: 'a@b.c',
        captchaToken: 'x',
        provider: 'turnstile',
        siteKey: 'not-ours',
      }),
    ).toEqual({ status: 400, body: { error: 'unknown_site_key' } })
  })

  it('issues server tokens on GET /api/server-token', async () => {
    const response = await fetch(`${api.url}/api/server-token?action=checkout`)
    expect(await response.json()).toEqual({
      serverToken: expect.stringMatching(/^sct_/),
      expiresIn: 300,
    })
  })

  it('escalates after repeated failures and then wants the server token’s challenge', async () => {
    await signup({ email: 'x@b.c', captchaToken: 'pt_bad' })
    const escalated = await signup({ email: 'x@b.c', captchaToken: 'pt_bad' })
    expect(escalated).toMatchObject({
      status: 403,
      body: { error: 'challenge_required', serverToken: expect.any(String) },
    })
    // A plain token no longer does; one solved with the latest server token does.
    const again = await signup({ email: 'y@b.c', captchaToken: await token() })
    expect(again.body).toMatchObject({
      error: 'challenge_required',
      reason: 'server_challenge_missing',
    })
    const serverToken = again.body.serverToken as string
    expect(
      await signup({ email: 'z@b.c', captchaToken: await token({ serverToken }) }),
    ).toMatchObject({
      status: 201,
    })
  })

  const providerToken = async (options: SolveProviderChallengeOptions) =>
    (await solveProviderChallenge(mock.url, options)).token

  it('checks Turnstile tokens with the action, once', async () => {
    const siteKey = '0x4AAAAAAAPasslineDemo'
    const token = await providerToken({ provider: 'turnstile', siteKey, action: 'signup' })
    const body = { email: 't@b.c', captchaToken: token, provider: 'turnstile', siteKey }
    expect(await signup(body)).toMatchObject({ status: 201 })
    expect(await signup({ ...body, email: 't2@b.c' })).toEqual({
      status: 403,
      body: { error: 'captcha_failed', reason: 'timeout-or-duplicate' },
    })
    const login = await providerToken({ provider: 'turnstile', siteKey, action: 'login' })
    expect(await signup({ ...body, email: 't3@b.c', captchaToken: login })).toMatchObject({
      body: { reason: 'action-mismatch' },
    })
  })

  it('checks hCaptcha tokens against their sitekey, and reCAPTCHA v3 scores', async () => {
    const hcaptcha = '10000000-ffff-ffff-ffff-000000000001'
    expect(
      await signup({
        email: 'h@b.c',
        captchaToken: await providerToken({ provider: 'hcaptcha', siteKey: hcaptcha }),
        provider: 'hcaptcha',
        siteKey: hcaptcha,
      }),
    ).toMatchObject({ status: 201 })
    const v3 = '6LPasslineDemoV3ScoreKey0000000000000000'
    const scoreToken = await providerToken({
      provider: 'recaptcha',
      siteKey: v3,
      action: 'signup',
      version: 'v3',
    })
    expect(
      await signup({
        email: 'r@b.c',
        captchaToken: scoreToken,
        provider: 'recaptcha',
        siteKey: v3,
      }),
    ).toMatchObject({ status: 201 })
  })

  it('counts failures with every provider, and no other provider’s success clears them', async () => {
    const v3 = '6LPasslineDemoV3ScoreKey0000000000000000'
    for (const email of ['f1@b.c', 'f2@b.c']) {
      expect(
        await signup({ email, captchaToken: 'forged', provider: 'recaptcha', siteKey: v3 }),
      ).toEqual({
        status: 403,
        body: { error: 'captcha_failed', reason: 'invalid-input-response' },
      })
    }
    // Turnstile's always-pass test key is no way around it: refused, and the count stays.
    const alwaysPass = '1x00000000000000000000AA'
    const turnstile = {
      email: 't@b.c',
      provider: 'turnstile',
      siteKey: alwaysPass,
      captchaToken: await providerToken({ provider: 'turnstile', siteKey: alwaysPass }),
    }
    expect(await signup(turnstile)).toEqual({
      status: 403,
      body: { error: 'challenge_required', reason: 'escalated' },
    })
    // CaptchaLa asks for its server token's challenge; solving it passes and clears the count.
    const plain = await signup({ email: 'c@b.c', captchaToken: await token() })
    expect(plain.body).toMatchObject({
      error: 'challenge_required',
      reason: 'server_challenge_missing',
    })
    const serverToken = plain.body.serverToken as string
    expect(
      await signup({ email: 'c@b.c', captchaToken: await token({ serverToken }) }),
    ).toMatchObject({
      status: 201,
    })
    expect(await signup({ ...turnstile, email: 't2@b.c' })).toMatchObject({ status: 201 })
  })

  it('a success with another provider before escalation leaves the count as it was', async () => {
    const alwaysPass = '1x00000000000000000000AA'
    await signup({ email: 'x@b.c', captchaToken: 'pt_bad' })
    const passed = await signup({
      email: 'free@b.c',
      provider: 'turnstile',
      siteKey: alwaysPass,
      captchaToken: await providerToken({ provider: 'turnstile', siteKey: alwaysPass }),
    })
    expect(passed.status).toBe(201)
    // The second failure still escalates: the free pass did not reset the first.
    expect(await signup({ email: 'x@b.c', captchaToken: 'pt_bad' })).toMatchObject({
      body: { error: 'challenge_required', serverToken: expect.any(String) },
    })
  })

  describe('a plain HTML form (form-encoded, answered with a redirect back)', () => {
    const post = (fields: Record<string, string>, referer?: string) =>
      fetch(`${api.url}/api/signup`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(referer ? { referer } : {}),
        },
        body: new URLSearchParams(fields),
        redirect: 'manual',
      })

    it('takes the token as the captchaToken form field and sends the page back the outcome (303, its own path)', async () => {
      const response = await post(
        { email: 'form@b.c', captchaToken: await token() },
        'http://127.0.0.1:5173/signup?mode=embed&signup=refused&reason=old',
      )
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(
        '/signup?mode=embed&signup=created&email=form%40b.c',
      )
      // The account exists: the same email is now taken.
      expect((await signup({ email: 'form@b.c', captchaToken: await token() })).status).toBe(409)
    })

    it('sends a refusal back with its reason, and never to another site', async () => {
      const response = await post(
        { email: 'form2@b.c', captchaToken: 'garbage' },
        'https://evil.example/x?y=1',
      )
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(
        '/x?y=1&signup=refused&email=form2%40b.c&error=captcha_failed&reason=invalid_token',
      )
      const bare = await post({ email: 'not-an-email', captchaToken: 'x' })
      expect(bare.headers.get('location')).toBe(
        '/?signup=refused&email=not-an-email&error=invalid_email',
      )
    })

    it('passes the server token of an escalation back to the page', async () => {
      await signup({ email: 'esc@b.c', captchaToken: await token() })
      await post({ email: 'esc@b.c', captchaToken: await token() })
      const escalated = await post(
        { email: 'esc@b.c', captchaToken: await token() },
        'http://x/page',
      )
      const location = new URL(escalated.headers.get('location')!, 'http://x')
      expect(location.searchParams.get('error')).toBe('challenge_required')
      expect(location.searchParams.get('serverToken')).toMatch(/^s/)
    })
  })
})
