import { describe, expect, it } from 'vitest'
import { createManualClock, findProofOfWork } from '../src/index'
import { auth, post, solve, startMock, validate } from './helpers'

const issue = (url: string, body: unknown, appKey = 'test_pass') =>
  post(url, '/v1/server/challenge/issue', body, auth(appKey))

describe('POST /v1/server/challenge/issue', () => {
  it('issues an sct_ token with its lifetime and issue time', async () => {
    const clock = createManualClock(1_800_000_000_000)
    const mock = await startMock({ clock })
    const answer = await issue(mock.url, { action: 'checkout', ttl: 60 })
    expect(answer).toEqual({
      status: 200,
      body: {
        code: 0,
        msg: 'ok',
        data: {
          server_token: expect.stringMatching(/^sct_[0-9a-f]{32}$/),
          expires_in: 60,
          issued_at: 1_800_000_000,
        },
      },
    })
  })

  it('defaults the lifetime to 300 s and caps it at an hour', async () => {
    const mock = await startMock()
    expect((await issue(mock.url, { action: 'login' })).body.data.expires_in).toBe(300)
    expect((await issue(mock.url, { action: 'login', ttl: 86_400 })).body.data.expires_in).toBe(
      3600,
    )
  })

  it('refuses a missing or malformed action with invalid_action', async () => {
    const mock = await startMock()
    for (const body of [{}, { action: '' }, { action: 'has space' }, { action: 'x'.repeat(65) }]) {
      expect((await issue(mock.url, body)).body, JSON.stringify(body)).toMatchObject({
        code: 400,
        data: { error: 'invalid_action' },
      })
    }
  })
})

describe('challenges with a server token', () => {
  it('binds the pass token to the server token’s uid, and spends one use per solve', async () => {
    const mock = await startMock()
    const { server_token: serverToken } = (
      await issue(mock.url, { action: 'pay', bind_uid: 'user-7', max_uses: 1 })
    ).body.data as { server_token: string }
    const solved = await solve(mock.url, 'test_pass', { action: 'pay', serverToken })
    const token = solved.body.data.token as string
    expect(
      (await validate(mock.url, { pass_token: token, uid: 'user-8', keep_token: true })).body.data
        .error,
    ).toBe('token_uid_mismatch')
    expect(
      (await validate(mock.url, { pass_token: token, uid: 'user-7' })).body.data,
    ).toMatchObject({
      valid: true,
      uid: 'user-7',
      action: 'pay',
    })
    const again = await solve(mock.url, 'test_pass', { action: 'pay', serverToken })
    expect(again.body).toMatchObject({ code: 403, data: { error: 'server_token_exhausted' } })
  })

  it('reports each server_token_* problem to the widget', async () => {
    const clock = createManualClock()
    const mock = await startMock({
      clock,
      apps: [{ appKey: 'strict', appSecret: 'test_secret', requireServerToken: true }],
    })
    const tokenFor = async (body: object, appKey = 'test_pass') =>
      (
        (await issue(mock.url, { action: 'login', ...body }, appKey)).body.data as {
          server_token: string
        }
      ).server_token

    const session = (appKey: string, serverToken?: string) =>
      post(
        mock.url,
        '/captchala/v1/session',
        serverToken ? { app_key: appKey, server_token: serverToken } : { app_key: appKey },
      )

    expect((await session('test_pass', 'sct_unknown')).body.data.error).toBe('server_token_invalid')
    expect((await session('test_pass_invisible', await tokenFor({}))).body.data.error).toBe(
      'server_token_app_mismatch',
    )
    expect(
      (await session('test_pass', await tokenFor({ binding_ip: '10.1.2.3' }))).body.data.error,
    ).toBe('server_token_binding_mismatch')
    expect(
      (await session('test_pass', await tokenFor({ binding_ip: '::ffff:127.0.0.1' }))).body.code,
    ).toBe(0)
    const shortLived = await tokenFor({ ttl: 10 })
    clock.advance(10_000)
    expect((await session('test_pass', shortLived)).body.data.error).toBe('server_token_expired')
    expect((await session('strict')).body).toMatchObject({
      code: 403,
      data: { error: 'server_token_required' },
    })
    expect((await session('strict', await tokenFor({}, 'strict'))).body.code).toBe(0)
  })
})

describe('the widget API', () => {
  it('tells the widget whether its key is interactive, and refuses unknown keys', async () => {
    const mock = await startMock()
    expect(
      (await post(mock.url, '/captchala/v1/session', { app_key: 'test_pass' })).body.data,
    ).toEqual({
      interactive: true,
    })
    expect(
      (await post(mock.url, '/captchala/v1/session', { app_key: 'test_pass_invisible' })).body.data,
    ).toEqual({
      interactive: false,
    })
    expect(
      (await post(mock.url, '/captchala/v1/session', { app_key: 'nope' })).body.data.error,
    ).toBe('invalid_app_key')
  })

  it('fails every challenge of test_fail with challenge_failed', async () => {
    const mock = await startMock()
    expect((await solve(mock.url, 'test_fail')).body).toMatchObject({
      code: 403,
      data: { error: 'challenge_failed' },
    })
  })

  it('refuses a wrong proof of work, a replayed or forged challenge, and an expired one', async () => {
    const clock = createManualClock()
    const mock = await startMock({ clock })
    const issued = (await post(mock.url, '/captchala/v1/challenge', { app_key: 'test_pass' })).body
      .data as {
      challenge: string
    }
    const nonce = findProofOfWork(issued.challenge, 10)
    const wrongNonce = findProofOfWork(issued.challenge + 'x', 10)
    const solveWith = (challenge: string, n: string) =>
      post(mock.url, '/captchala/v1/solve', { challenge, nonce: n })
    if (wrongNonce !== nonce) {
      expect((await solveWith(issued.challenge, wrongNonce)).body.data.error).toBe('invalid_answer')
    }
    const tampered = (issued.challenge[0] === 'e' ? 'f' : 'e') + issued.challenge.slice(1)
    expect((await solveWith(tampered, nonce)).body.data.error).toBe('challenge_invalid')
    expect((await solveWith(issued.challenge, nonce)).body.code).toBe(0)
    expect((await solveWith(issued.challenge, nonce)).body.data.error).toBe('challenge_invalid')
    const later = (await post(mock.url, '/captchala/v1/challenge', { app_key: 'test_pass' })).body
      .data as {
      challenge: string
    }
    clock.advance(10 * 60_000)
    expect(
      (await solveWith(later.challenge, findProofOfWork(later.challenge, 10))).body.data.error,
    ).toBe('challenge_expired')
  })

  it('answers CORS requests from any origin on browser routes only', async () => {
    const mock = await startMock()
    const preflight = await fetch(`${mock.url}/captchala/v1/session`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    const loader = await fetch(`${mock.url}/captchala-loader.js`, {
      headers: { origin: 'http://shop.example' },
    })
    expect(loader.headers.get('access-control-allow-origin')).toBe('*')
    const validateAnswer = await fetch(`${mock.url}/v1/validate`, {
      method: 'POST',
      headers: { origin: 'http://shop.example' },
    })
    expect(validateAnswer.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('serves the scripts with ?delay= and ?status= fault injection', async () => {
    const mock = await startMock()
    const ok = await fetch(`${mock.url}/captchala.js`)
    expect(ok.headers.get('content-type')).toMatch(/javascript/)
    expect(await ok.text()).toContain('window.Captchala')
    expect((await fetch(`${mock.url}/captchala-loader.js?status=503`)).status).toBe(503)
    expect((await fetch(`${mock.url}/captchala.css?status=404`)).status).toBe(404)
    const started = performance.now()
    await fetch(`${mock.url}/captchala-loader.js?delay=200`)
    expect(performance.now() - started).toBeGreaterThanOrEqual(190)
    expect((await fetch(`${mock.url}/captchala-loader.js?delay=abc`)).status).toBe(400)
  })
})

describe('solveChallenge (for backend tests)', () => {
  it('returns a token that validates, and throws ChallengeRefused with the code otherwise', async () => {
    const { solveChallenge, ChallengeRefused } = await import('../src/index')
    const mock = await startMock()
    const solved = await solveChallenge(mock.url, { appKey: 'test_expire_fast', action: 'login' })
    expect(solved.expiresIn).toBe(5)
    expect(
      (await validate(mock.url, { pass_token: solved.token }, 'test_expire_fast')).body.data.action,
    ).toBe('login')
    await expect(solveChallenge(mock.url, { appKey: 'test_fail' })).rejects.toEqual(
      expect.objectContaining({ code: 'challenge_failed', status: 403 }),
    )
    await expect(solveChallenge(mock.url, { appKey: 'nope' })).rejects.toBeInstanceOf(
      ChallengeRefused,
    )
  })
})
