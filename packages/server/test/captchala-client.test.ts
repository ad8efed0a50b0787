import { inspect } from 'node:util'
import {
  createManualClock,
  createMockServer,
  solveChallenge,
  type MockServer,
} from '@passline/mock-server'
import { afterEach, describe, expect, it } from 'vitest'
import { CaptchalaClient, CaptchaConfigError } from '../src/index'
import { json, upstream } from './upstreams'

let mock: MockServer | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

async function setup(clock = createManualClock()) {
  mock = await createMockServer({ clock })
  const client = new CaptchalaClient({
    appKey: 'test_pass',
    appSecret: 'test_secret',
    baseUrl: mock.url,
  })
  const token = async (options: { action?: string; appKey?: string; serverToken?: string } = {}) =>
    (await solveChallenge(mock!.url, options)).token
  return { client, token, clock, url: mock.url }
}

describe('CaptchalaClient.validate against the mock', () => {
  it('maps every field of a valid answer', async () => {
    const { client, token } = await setup()
    const result = await client.validate(await token({ action: 'signup' }), {
      clientIp: '127.0.0.1',
      expectedAction: 'signup',
    })
    expect(result).toEqual({
      valid: true,
      offline: false,
      clientOnly: false,
      challengeId: expect.any(String),
      action: 'signup',
      uid: null,
      riskScore: 8,
      captchaArgs: {
        platform: 'web',
        user_ip: '127.0.0.1',
        referer: '',
        pkg: '',
        solved_at: expect.any(Number),
        risk_score: 8,
      },
      raw: { code: 0, msg: expect.any(String), data: expect.objectContaining({ valid: true }) },
    })
  })

  it('reports replay, expiry and action mismatches as CaptchaLa codes; the client IP is a record', async () => {
    const { client, token, clock } = await setup()
    const used = await token()
    await client.validate(used)
    expect(await client.validate(used)).toMatchObject({ valid: false, error: 'token_consumed' })
    const kept = await token({ action: 'login' })
    expect(await client.validate(kept, { keepToken: true })).toMatchObject({ valid: true })
    // Another IP than the solver's passes, as with CaptchaLa since its SDKs' 1.2.2.
    expect(await client.validate(kept, { keepToken: true, clientIp: '203.0.113.9' })).toMatchObject(
      { valid: true, captchaArgs: { user_ip: '127.0.0.1' } },
    )
    expect(await client.validate(kept, { keepToken: true, expectedAction: 'pay' })).toMatchObject({
      valid: false,
      error: 'token_action_mismatch',
      action: 'login',
    })
    clock.advance(120_000)
    expect(await client.validate(kept)).toMatchObject({ valid: false, error: 'token_expired' })
    expect(await client.validate('pt_forged.x')).toMatchObject({
      valid: false,
      error: 'invalid_token',
    })
  })

  it('answers degraded tokens as degraded, never valid', async () => {
    const { token, url } = await setup()
    const degraded = new CaptchalaClient({
      appKey: 'test_degraded',
      appSecret: 'test_secret',
      baseUrl: url,
    })
    expect(await degraded.validate(await token({ appKey: 'test_degraded' }))).toMatchObject({
      valid: false,
      degraded: true,
      degradedReason: 'quota_exhausted',
    })
  })

  it('refuses empty tokens without a request, and client_ tokens unless opted in', async () => {
    const { client, url } = await setup()
    expect(await client.validate('')).toMatchObject({ valid: false, error: 'empty_token' })
    expect(await client.validate(undefined)).toMatchObject({ valid: false, error: 'empty_token' })
    expect(await client.validate('client_abc')).toMatchObject({
      valid: false,
      error: 'client_only',
      clientOnly: true,
    })
    const lenient = new CaptchalaClient({
      appKey: 'test_pass',
      appSecret: 'test_secret',
      baseUrl: url,
      acceptClientOnly: true,
    })
    expect(await lenient.validate('client_abc')).toMatchObject({ valid: true, clientOnly: true })
  })

  it('sends offline_ tokens to the backup API', async () => {
    const backup = await upstream((_request, response) =>
      json(response, { code: 0, msg: 'ok', data: { valid: true, challenge_id: 'c1' } }),
    )
    const main = await upstream((_request, response) =>
      json(response, { code: 0, data: { valid: false } }),
    )
    const client = new CaptchalaClient({
      appKey: 'k',
      appSecret: 's',
      baseUrl: main.url,
      backupUrl: backup.url,
    })
    expect(await client.validate('offline_abc')).toMatchObject({
      valid: true,
      offline: true,
      challengeId: 'c1',
    })
    expect(backup.requests.map((r) => r.url)).toEqual(['/api/validate'])
    expect(main.requests).toHaveLength(0)
    expect(JSON.parse(backup.requests[0]!.body)).toEqual({ pass_token: 'offline_abc' })
    expect(backup.requests[0]!.headers).toMatchObject({ 'x-app-key': 'k', 'x-app-secret': 's' })
  })

  it('checks the mock’s offline_ tokens through the backup path, and refuses its client_ tokens', async () => {
    const { url } = await setup()
    const forApp = (appKey: string) =>
      new CaptchalaClient({ appKey, appSecret: 'test_secret', baseUrl: url, backupUrl: url })
    const offline = await solveChallenge(url, { appKey: 'test_offline' })
    expect(await forApp('test_offline').validate(offline.token)).toMatchObject({
      valid: true,
      offline: true,
    })
    // Without the backup host the same kind of token is refused by the primary API.
    const stray = await solveChallenge(url, { appKey: 'test_offline' })
    const primaryOnly = new CaptchalaClient({
      appKey: 'test_offline',
      appSecret: 'test_secret',
      baseUrl: url,
      backupUrl: `${url}/nowhere`,
    })
    expect(await primaryOnly.validate(stray.token)).toMatchObject({ valid: false })
    const clientOnly = await solveChallenge(url, { appKey: 'test_client_only' })
    expect(clientOnly.token).toMatch(/^client_/)
    expect(await forApp('test_client_only').validate(clientOnly.token)).toMatchObject({
      valid: false,
      clientOnly: true,
      error: 'client_only',
    })
  })

  it('issues server tokens', async () => {
    const { client } = await setup()
    expect(
      await client.issueServerToken('checkout', {
        ttl: 60,
        maxUses: 2,
        bindUid: 'u1',
        bindingIp: '127.0.0.1',
      }),
    ).toEqual({
      ok: true,
      token: expect.stringMatching(/^sct_/),
      expiresIn: 60,
      issuedAt: expect.any(Number),
    })
    // CaptchaLa refused the request: its own code is kept, the status is the detail.
    expect(await client.issueServerToken('bad action')).toEqual({
      ok: false,
      error: 'invalid_action',
      detail: expect.stringMatching(/^http 400: /),
    })
  })
})

describe('CaptchalaClient fails closed', () => {
  const clientFor = (baseUrl: string, timeoutMs = 5000) =>
    new CaptchalaClient({ appKey: 'k', appSecret: 's', baseUrl, timeoutMs })

  it('on wrong credentials, with CaptchaLa’s own code so a misconfiguration is not an outage', async () => {
    const { url } = await setup()
    const wrong = new CaptchalaClient({ appKey: 'test_pass', appSecret: 'nope', baseUrl: url })
    expect(await wrong.validate('pt_x')).toMatchObject({
      valid: false,
      error: 'invalid_app_secret',
      detail: expect.stringMatching(/^http 401: /),
    })
  })

  it('on a server that never answers', async () => {
    const silent = await upstream(() => {})
    expect(await clientFor(silent.url, 200).validate('pt_x')).toMatchObject({
      valid: false,
      error: 'request_failed',
      detail: 'timeout',
    })
  })

  it('on a 500, a non-JSON answer, a non-envelope, and a dropped connection', async () => {
    const failing = await upstream((_r, response) => json(response, { oops: true }, 500))
    const html = await upstream((_r, response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<h1>gateway</h1>')
    })
    const odd = await upstream((_r, response) =>
      json(response, { code: 7, msg: 'x', data: { valid: true } }),
    )
    const dropped = await upstream((_request, response) => response.socket?.destroy())
    expect(await clientFor(failing.url).validate('pt_x')).toMatchObject({
      valid: false,
      error: 'request_failed',
      detail: 'http 500',
    })
    expect(await clientFor(html.url).validate('pt_x')).toMatchObject({
      valid: false,
      error: 'request_failed',
      detail: 'not-json',
    })
    // An envelope that is not `code: 0` is a refusal, whatever its data says; an unknown one
    // is no answer to act on, and its text is only the detail.
    expect(await clientFor(odd.url).validate('pt_x')).toMatchObject({
      valid: false,
      error: 'request_failed',
      detail: 'code 7: x',
    })
    expect(await clientFor(dropped.url).validate('pt_x')).toMatchObject({
      valid: false,
      error: 'request_failed',
      detail: 'network',
    })
    expect(await clientFor('http://127.0.0.1:1').validate('pt_x')).toMatchObject({
      valid: false,
      error: 'request_failed',
    })
  })
})

describe('CaptchalaClient set-up', () => {
  it('throws CaptchaConfigError without a key or secret, and in a browser', () => {
    // @ts-expect-error appSecret is required
    expect(() => new CaptchalaClient({ appKey: 'k' })).toThrow(CaptchaConfigError)
    expect(() => new CaptchalaClient({ appKey: '', appSecret: 's' })).toThrow(
      expect.objectContaining({ code: 'missing-app-key' }),
    )
    const global = globalThis as { document?: unknown }
    global.document = {}
    try {
      expect(() => new CaptchalaClient({ appKey: 'k', appSecret: 's' })).toThrow(
        expect.objectContaining({ code: 'secret-in-browser' }),
      )
    } finally {
      delete global.document
    }
  })

  it('never shows its secret when logged or serialised', () => {
    const client = new CaptchalaClient({ appKey: 'k', appSecret: 'super-secret-value' })
    expect(inspect(client, { depth: 5, showHidden: true })).not.toContain('super-secret-value')
    expect(JSON.stringify(client)).not.toContain('super-secret-value')
  })
})
