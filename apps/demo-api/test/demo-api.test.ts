import { createMockServer, type MockServer } from '@passline/mock-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'
import { BAD_TOKEN, passToken, postForm, postJson, providerToken } from './requests'

let mock: MockServer
let api: DemoApi
let accounts: Set<string>
beforeEach(async () => {
  mock = await createMockServer()
  accounts = new Set()
  api = await createDemoApi({
    captchalaUrl: mock.url,
    port: 0,
    policy: { challengeAfter: 2 },
    accounts,
  })
})
afterEach(async () => {
  await api.close()
  await mock.close()
})

const signup = async (body: object) => {
  const { status, body: answer } = await postJson(api.url, body)
  return { status, body: answer }
}
const token = (options: { serverToken?: string; action?: string } = {}) =>
  passToken(mock.url, options)

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
      'friendlycaptcha',
      'altcha',
      'cap',
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
    expect([...accounts]).toEqual(['a@b.c'])
  })

  it('reads the token from captchaToken or the X-Captcha-Token header, not the old token field', async () => {
    expect(await signup({ email: 'old@b.c', token: await token() })).toEqual({
      status: 403,
      body: { error: 'captcha_failed', reason: 'missing_token' },
    })
    const header = await postJson(api.url, { email: 'h@b.c' }, { 'x-captcha-token': await token() })
    expect(header.status).toBe(201)
  })

  it('refuses bad input clearly, with nothing written', async () => {
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
      await signup({ email: 'a@b.c', captchaToken: 'x', provider: 'toString', siteKey: 'k' }),
    ).toEqual({ status: 400, body: { error: 'unknown_site_key' } })
    expect(await signup([{ email: 'a@b.c' }])).toEqual({
      status: 400,
      body: { error: 'invalid_body' },
    })
    expect(accounts.size).toBe(0)
  })

  it('issues server tokens on GET /api/server-token', async () => {
    const response = await fetch(`${api.url}/api/server-token?action=checkout`)
    expect(await response.json()).toEqual({
      serverToken: expect.stringMatching(/^sct_/),
      expiresIn: 300,
    })
    const unknown = await fetch(`${api.url}/api/server-token?appKey=nope`)
    expect([unknown.status, await unknown.json()]).toEqual([400, { error: 'unknown_site_key' }])
  })

  it('escalates after repeated failures and then wants the server token’s challenge', async () => {
    expect(await signup({ email: 'x@b.c', captchaToken: BAD_TOKEN })).toEqual({
      status: 403,
      body: { error: 'captcha_failed', reason: 'invalid_token' },
    })
    expect(await signup({ email: 'x@b.c', captchaToken: BAD_TOKEN })).toEqual({
      status: 403,
      body: {
        error: 'challenge_required',
        reason: 'invalid_token',
        serverToken: expect.stringMatching(/^sct_/),
      },
    })
    // A plain token no longer does; one solved with the latest server token does.
    const again = await signup({ email: 'y@b.c', captchaToken: await token() })
    expect(again.body).toMatchObject({ error: 'challenge_required', reason: 'challenge_required' })
    const serverToken = again.body.serverToken as string
    expect(
      await signup({ email: 'z@b.c', captchaToken: await token({ serverToken }) }),
    ).toMatchObject({ status: 201 })
    // Answered: the count is cleared, a plain token does again.
    expect(await signup({ email: 'w@b.c', captchaToken: await token() })).toMatchObject({
      status: 201,
    })
    expect([...accounts]).toEqual(['z@b.c', 'w@b.c'])
  })

  it('does not count what a cross-site post sent', async () => {
    for (let i = 0; i < 3; i++) {
      const headers = { 'sec-fetch-site': 'cross-site' }
      const reply = await postJson(api.url, { email: 'c@b.c', captchaToken: BAD_TOKEN }, headers)
      expect(reply.body).toEqual({ error: 'cross_site_request' })
    }
    expect(await signup({ email: 'c@b.c', captchaToken: await token() })).toMatchObject({
      status: 201,
    })
  })

  it('counts a taken email as a failure, and answers it as taken', async () => {
    await signup({ email: 't@b.c', captchaToken: await token() })
    expect(await signup({ email: 't@b.c', captchaToken: await token() })).toEqual({
      status: 409,
      body: { error: 'email_taken' },
    })
    expect(await signup({ email: 't@b.c', captchaToken: await token() })).toMatchObject({
      status: 403,
      body: { error: 'challenge_required', serverToken: expect.any(String) },
    })
  })

  it('checks Turnstile tokens with the action, once', async () => {
    const siteKey = '0x4AAAAAAAPasslineDemo'
    const captchaToken = await providerToken(mock.url, {
      provider: 'turnstile',
      siteKey,
      action: 'signup',
    })
    const body = { email: 't@b.c', captchaToken, provider: 'turnstile', siteKey }
    expect(await signup(body)).toMatchObject({ status: 201 })
    expect(await signup({ ...body, email: 't2@b.c' })).toEqual({
      status: 403,
      body: { error: 'captcha_failed', reason: 'token_expired_or_consumed' },
    })
  })

  it('checks Turnstile’s action, hCaptcha tokens against their sitekey, and reCAPTCHA v3 scores', async () => {
    const siteKey = '0x4AAAAAAAPasslineDemo'
    const login = await providerToken(mock.url, { provider: 'turnstile', siteKey, action: 'login' })
    expect(
      await signup({ email: 't@b.c', captchaToken: login, provider: 'turnstile', siteKey }),
    ).toEqual({ status: 403, body: { error: 'captcha_failed', reason: 'token_action_mismatch' } })
    const hcaptcha = '10000000-ffff-ffff-ffff-000000000001'
    expect(
      await signup({
        email: 'h@b.c',
        captchaToken: await providerToken(mock.url, { provider: 'hcaptcha', siteKey: hcaptcha }),
        provider: 'hcaptcha',
        siteKey: hcaptcha,
      }),
    ).toMatchObject({ status: 201 })
    const v3 = '6LPasslineDemoV3ScoreKey0000000000000000'
    const scoreToken = await providerToken(mock.url, {
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
    expect(
      await signup({ email: 'f1@b.c', captchaToken: 'forged', provider: 'recaptcha', siteKey: v3 }),
    ).toEqual({ status: 403, body: { error: 'captcha_failed', reason: 'invalid_token' } })
    // The second failure escalates; reCAPTCHA has no server-token challenge here.
    expect(
      await signup({ email: 'f2@b.c', captchaToken: 'forged', provider: 'recaptcha', siteKey: v3 }),
    ).toEqual({ status: 403, body: { error: 'challenge_required', reason: 'invalid_token' } })
    // Turnstile's always-pass test key is no way around it: refused, with no provider call.
    const alwaysPass = '1x00000000000000000000AA'
    const turnstile = {
      email: 't@b.c',
      provider: 'turnstile',
      siteKey: alwaysPass,
      captchaToken: await providerToken(mock.url, { provider: 'turnstile', siteKey: alwaysPass }),
    }
    expect(await signup(turnstile)).toEqual({
      status: 403,
      body: { error: 'challenge_required', reason: 'challenge_required' },
    })
    // CaptchaLa asks for its server token's challenge; solving it passes and clears the count.
    const plain = await signup({ email: 'c@b.c', captchaToken: await token() })
    const serverToken = plain.body.serverToken as string
    expect(
      await signup({ email: 'c@b.c', captchaToken: await token({ serverToken }) }),
    ).toMatchObject({ status: 201 })
    expect(await signup({ ...turnstile, email: 't2@b.c' })).toMatchObject({ status: 201 })
  })

  it('a success with another provider before escalation leaves the count as it was', async () => {
    const alwaysPass = '1x00000000000000000000AA'
    await signup({ email: 'x@b.c', captchaToken: BAD_TOKEN })
    const passed = await signup({
      email: 'free@b.c',
      provider: 'turnstile',
      siteKey: alwaysPass,
      captchaToken: await providerToken(mock.url, { provider: 'turnstile', siteKey: alwaysPass }),
    })
    expect(passed.status).toBe(201)
    // The second failure still escalates: the free pass did not reset the first.
    expect(await signup({ email: 'x@b.c', captchaToken: BAD_TOKEN })).toMatchObject({
      body: { error: 'challenge_required', serverToken: expect.any(String) },
    })
  })

  describe('a plain HTML form (form-encoded, answered with a redirect back)', () => {
    const post = (fields: Record<string, string>, referer?: string) =>
      postForm(api.url, fields, referer ? { referer } : {})

    it('takes the token as the captchaToken field and sends the page back its settings and the outcome', async () => {
      const response = await post(
        { email: 'form@b.c', captchaToken: await token() },
        'http://127.0.0.1:5173/?mode=embed&provider=captchala&signup=refused&reason=old',
      )
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(
        '/?provider=captchala&mode=embed&signup=created&email=form%40b.c',
      )
      expect([...accounts]).toEqual(['form@b.c'])
    })

    it('sends the Lit page back to itself, any other page to the form’s page', async () => {
      const lit = await post({ email: 'l@b.c', captchaToken: BAD_TOKEN }, 'http://x/lit.html')
      expect(lit.headers.get('location')).toBe(
        '/lit.html?signup=refused&email=l%40b.c&error=captcha_failed&reason=invalid_token',
      )
      const other = await post({ email: 'nope', captchaToken: 'x' }, 'http://x/elsewhere?key=k')
      expect(other.headers.get('location')).toBe('/?key=k&signup=refused&error=invalid_email')
    })

    it('passes the server token of an escalation back to the page', async () => {
      await post({ email: 'esc@b.c', captchaToken: BAD_TOKEN })
      const escalated = await post({ email: 'esc@b.c', captchaToken: BAD_TOKEN }, 'http://x/')
      const location = new URL(escalated.headers.get('location')!, 'http://x')
      expect(location.searchParams.get('error')).toBe('challenge_required')
      expect(location.searchParams.get('serverToken')).toMatch(/^sct_/)
    })
  })
})
