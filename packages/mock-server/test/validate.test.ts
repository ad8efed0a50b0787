import { describe, expect, it } from 'vitest'
import { createManualClock } from '../src/index'
import { auth, passToken, post, solve, startMock, validate } from './helpers'

describe('POST /v1/validate', () => {
  it('accepts a fresh pass token once, with CaptchaLa’s fields', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url, 'test_pass', { action: 'login' })
    expect(token).toMatch(/^pt_/)
    const first = await validate(mock.url, { pass_token: token })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({
      code: 0,
      msg: 'ok',
      data: {
        valid: true,
        action: 'login',
        uid: null,
        risk_score: 8,
        captcha_args: { platform: 'web', user_ip: '127.0.0.1', pkg: '', risk_score: 8 },
      },
    })
    expect(first.body.data.challenge_id).toEqual(expect.any(String))
    const second = await validate(mock.url, { pass_token: token })
    expect(second.body.data).toEqual({ valid: false, error: 'token_consumed' })
  })

  it('keeps the token usable with keep_token', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url)
    expect(
      (await validate(mock.url, { pass_token: token, keep_token: true })).body.data.valid,
    ).toBe(true)
    expect((await validate(mock.url, { pass_token: token })).body.data.valid).toBe(true)
    expect((await validate(mock.url, { pass_token: token })).body.data.error).toBe('token_consumed')
  })

  it('expires tokens after the app’s lifetime, on the injected clock', async () => {
    const clock = createManualClock()
    const mock = await startMock({ clock })
    const token = await passToken(mock.url)
    clock.advance(119_999)
    expect(
      (await validate(mock.url, { pass_token: token, keep_token: true })).body.data.valid,
    ).toBe(true)
    clock.advance(1)
    expect((await validate(mock.url, { pass_token: token })).body.data).toEqual({
      valid: false,
      error: 'token_expired',
    })
  })

  it('gives test_expire_fast tokens 5 seconds and says so to the widget', async () => {
    const clock = createManualClock()
    const mock = await startMock({ clock })
    const answer = await solve(mock.url, 'test_expire_fast')
    expect(answer.body.data.expires_in).toBe(5)
    clock.advance(5000)
    const result = await validate(
      mock.url,
      { pass_token: answer.body.data.token },
      'test_expire_fast',
    )
    expect(result.body.data.error).toBe('token_expired')
  })

  it('checks the expected action; a differing or malformed client_ip is recorded, not refused', async () => {
    const lines: string[] = []
    const mock = await startMock({ log: (line) => lines.push(line) })
    const token = await passToken(mock.url, 'test_pass', { action: 'login' })
    expect(
      (await validate(mock.url, { pass_token: token, action: 'register' })).body.data.error,
    ).toBe('token_action_mismatch')
    // CaptchaLa's SDKs since 1.2.2: the IP is informational, the solver's stays in captcha_args.
    for (const clientIp of ['10.0.0.1', 'not-an-ip', 127001, 'x'.repeat(300)]) {
      const answer = await validate(mock.url, {
        pass_token: token,
        client_ip: clientIp,
        keep_token: true,
      })
      expect(answer.status).toBe(200)
      expect(answer.body.data).toMatchObject({
        valid: true,
        captcha_args: { user_ip: '127.0.0.1' },
      })
    }
    expect(lines.filter((line) => line.startsWith('validate: '))).toEqual([
      "validate: client_ip 10.0.0.1 differs from the solver's 127.0.0.1 (recorded, not refused)",
      'validate: client_ip "not-an-ip" is not an address (ignored)',
      'validate: client_ip 127001 is not an address (ignored)',
      `validate: client_ip ${JSON.stringify('x'.repeat(300)).slice(0, 80)} is not an address (ignored)`,
    ])
    const same = await validate(mock.url, { pass_token: token, client_ip: '::ffff:127.0.0.1' })
    expect(same.body.data.valid).toBe(true)
    expect(lines.filter((line) => line.startsWith('validate: '))).toHaveLength(4)
  })

  it('test_offline yields offline_ tokens, valid only at the backup host’s /api/validate', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url, 'test_offline')
    expect(token).toMatch(/^offline_/)
    expect((await validate(mock.url, { pass_token: token }, 'test_offline')).body.data).toEqual({
      valid: false,
      error: 'invalid_token',
    })
    const backup = await validate(mock.url, { pass_token: token }, 'test_offline', '/api/validate')
    expect(backup.body.data).toMatchObject({ valid: true })
    const again = await validate(mock.url, { pass_token: token }, 'test_offline', '/api/validate')
    expect(again.body.data).toEqual({ valid: false, error: 'token_consumed' })
  })

  it('test_client_only yields client_ tokens, which the API never accepts', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url, 'test_client_only')
    expect(token).toMatch(/^client_/)
    for (const path of ['/v1/validate', '/api/validate']) {
      const answer = await validate(mock.url, { pass_token: token }, 'test_client_only', path)
      expect(answer.body.data).toEqual({ valid: false, error: 'invalid_token' })
    }
  })

  it('answers degraded tokens with degraded: true and valid: false', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url, 'test_degraded')
    expect(token).toMatch(/^dg_/)
    expect((await validate(mock.url, { pass_token: token }, 'test_degraded')).body.data).toEqual({
      valid: false,
      degraded: true,
      reason: 'quota_exhausted',
    })
  })

  it('refuses tokens of another app, forged, truncated or re-signed ones as invalid_token', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url)
    const [payload, signature] = token.slice(3).split('.') as [string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const forged = `pt_${Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 1e9 })).toString('base64url')}.${signature}`
    const resigned = `pt_${payload}.${Buffer.alloc(32, 7).toString('base64url')}`
    // The same signature bytes, spelled with another unused bit in base64url's last character.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const respelled = `pt_${payload}.${signature.slice(0, -1)}${alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1]}`
    for (const bad of [
      forged,
      resigned,
      respelled,
      token.slice(0, -4),
      `pt_${payload}`,
      'pt_',
      'xx_' + token.slice(3),
      'client_abc',
    ]) {
      expect((await validate(mock.url, { pass_token: bad })).body.data, bad).toEqual({
        valid: false,
        error: 'invalid_token',
      })
    }
    expect(
      (await validate(mock.url, { pass_token: token }, 'test_pass_invisible')).body.data.error,
    ).toBe('invalid_token')
    // None of that consumed the real token.
    expect((await validate(mock.url, { pass_token: token })).body.data.valid).toBe(true)
  })

  it('accepts exactly one of 100 concurrent validations of one token', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url)
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => validate(mock.url, { pass_token: token })),
    )
    const valid = answers.filter((answer) => answer.body.data.valid === true)
    expect(valid).toHaveLength(1)
    expect(answers.filter((answer) => answer.body.data.error === 'token_consumed')).toHaveLength(99)
  })

  it('answers the backup host’s /api/validate the same way', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url)
    const answer = await post(mock.url, '/api/validate', { pass_token: token }, auth())
    expect(answer.body.data.valid).toBe(true)
  })

  it('refuses wrong credentials before anything else', async () => {
    const mock = await startMock()
    const token = await passToken(mock.url)
    expect(await post(mock.url, '/v1/validate', { pass_token: token }, auth('nope'))).toEqual({
      status: 401,
      body: { code: 401, msg: 'invalid_app_key', data: { error: 'invalid_app_key' } },
    })
    expect(
      (await post(mock.url, '/v1/validate', { pass_token: token }, auth('test_pass', 'wrong'))).body
        .msg,
    ).toBe('invalid_app_secret')
    expect((await validate(mock.url, { pass_token: '' })).body).toMatchObject({
      code: 400,
      data: { valid: false, error: 'empty_token' },
    })
  })

  it('enforces the per-app rate limit with rate_limit_exceeded', async () => {
    const mock = await startMock({
      apps: [{ appKey: 'tiny', appSecret: 's3cret', rateLimit: { max: 3, windowMs: 60_000 } }],
    })
    const statuses = []
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await post(mock.url, '/v1/validate', { pass_token: 'pt_x' }, auth('tiny', 's3cret')))
          .status,
      )
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    const limited = await post(
      mock.url,
      '/v1/validate',
      { pass_token: 'pt_x' },
      auth('tiny', 's3cret'),
    )
    expect(limited.body).toMatchObject({
      code: 429,
      data: { valid: false, error: 'rate_limit_exceeded' },
    })
    // Other apps have their own budget.
    expect((await validate(mock.url, { pass_token: 'pt_x' })).status).toBe(200)
  })
})
