// Real HTTP against providers that lie, redirect, flood or refuse: every answer that is not an
// explicit yes is a no, the secret goes nowhere but the configured URL, nothing unbounded is
// read, and a refusal keeps the provider's own code.
import type { ServerResponse } from 'node:http'
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import { afterEach, describe, expect, it } from 'vitest'
import { CaptchalaClient, verifyHcaptcha, verifyRecaptcha, verifyTurnstile } from '../src/index'
import { json, upstream } from './upstreams'

let mock: MockServer | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

const SECRET = 'the-app-secret'
const clientFor = (baseUrl: string, extra: { maxResponseBytes?: number } = {}) =>
  new CaptchalaClient({ appKey: 'test_pass', appSecret: SECRET, baseUrl, ...extra })

/** A provider whose every answer redirects to `target` with `status`. */
const redirecting = (target: string, status: number) =>
  upstream((_request, response) => {
    response.writeHead(status, { location: `${target}/elsewhere` })
    response.end()
  })

/** An answer that would be 64 MB of JSON, written with backpressure until the socket closes. */
function flood(response: ServerResponse, declareLength: boolean, written: { bytes: number }) {
  const total = 64 * 1024 * 1024
  const chunk = Buffer.alloc(64 * 1024, 0x20)
  response.writeHead(200, {
    'content-type': 'application/json',
    ...(declareLength && { 'content-length': String(total) }),
  })
  response.write('{"code":0,"msg":"ok","data":{"valid":true,"pad":"')
  const pump = () => {
    while (written.bytes < total && !response.destroyed) {
      written.bytes += chunk.length
      if (!response.write(chunk)) return void response.once('drain', pump)
    }
    if (!response.destroyed) response.end('"}}')
  }
  pump()
}

describe('no provider call follows a redirect', () => {
  it.each([307, 308, 302])(
    'CaptchalaClient on %i: request_failed, and the other origin receives nothing',
    async (status) => {
      const elsewhere = await upstream((_request, response) =>
        json(response, { code: 0, msg: 'ok', data: { valid: true } }),
      )
      const provider = await redirecting(elsewhere.url, status)
      const client = clientFor(provider.url)
      expect(await client.validate('pt_x')).toMatchObject({
        valid: false,
        error: 'request_failed',
        detail: `redirect (${status}) not followed`,
      })
      expect(await client.validate('offline_x')).toMatchObject({ valid: false })
      expect(await client.issueServerToken('checkout')).toMatchObject({
        ok: false,
        error: 'request_failed',
      })
      expect(provider.requests).toHaveLength(2)
      expect(provider.requests[0]!.headers['x-app-secret']).toBe(SECRET)
      expect(elsewhere.requests).toHaveLength(0)
    },
  )

  it.each([
    ['turnstile', verifyTurnstile],
    ['hcaptcha', verifyHcaptcha],
    ['recaptcha', verifyRecaptcha],
  ] as const)(
    '%s siteverify on 307: request_failed, the secret stays put',
    async (_name, verify) => {
      const elsewhere = await upstream((_request, response) => json(response, { success: true }))
      const provider = await redirecting(elsewhere.url, 307)
      const result = await verify({ secret: SECRET, token: 'tok', url: provider.url })
      expect(result).toMatchObject({
        success: false,
        errorCodes: ['request_failed'],
        detail: 'redirect (307) not followed',
      })
      expect(provider.requests[0]!.body).toContain(SECRET)
      expect(elsewhere.requests).toHaveLength(0)
    },
  )
})

describe('answers are size-capped while they stream', () => {
  it.each([
    ['streamed without a length', false],
    ['with a declared length', true],
  ])('a 64 MB answer %s is refused, and only a small part is ever sent', async (_name, declare) => {
    const written = { bytes: 0 }
    const provider = await upstream((_request, response) => flood(response, declare, written))
    const before = process.memoryUsage().rss
    expect(await clientFor(provider.url).validate('pt_x')).toMatchObject({
      valid: false,
      error: 'request_failed',
      detail: 'too-large',
    })
    // The connection was dropped early: socket buffers' worth at most, nowhere near 64 MB.
    expect(written.bytes).toBeLessThan(16 * 1024 * 1024)
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024)
  })

  it('a limit of your own applies to siteverify too', async () => {
    const provider = await upstream((_request, response) =>
      json(response, { success: true, padding: 'x'.repeat(2048) }),
    )
    const capped = await verifyTurnstile({
      secret: SECRET,
      token: 'tok',
      url: provider.url,
      maxResponseBytes: 1024,
    })
    expect(capped).toMatchObject({ success: false, errorCodes: ['request_failed'] })
    const roomy = await verifyTurnstile({ secret: SECRET, token: 'tok', url: provider.url })
    expect(roomy.success).toBe(true)
  })
})

describe('only an explicit yes is valid', () => {
  it.each([
    ['code 0 with data.ok', { code: 0, msg: 'ok', data: { ok: true } }, 'unknown_error'],
    ['valid as a string', { code: 0, msg: 'ok', data: { valid: 'true' } }, 'unknown_error'],
    ['valid as 1', { code: 0, data: { valid: 1 } }, 'unknown_error'],
    ['no data', { code: 0, msg: 'ok' }, 'unknown_error'],
    ['code "0" as text', { code: '0', data: { valid: true } }, 'request_failed'],
    [
      'a non-zero code with valid: true',
      { code: 7, msg: 'nope', data: { valid: true } },
      'request_failed',
    ],
  ])('%s → invalid', async (_name, answer, error) => {
    const provider = await upstream((_request, response) => json(response, answer))
    expect(await clientFor(provider.url).validate('pt_x')).toMatchObject({ valid: false, error })
  })

  it('code 0 and data.valid === true → valid', async () => {
    const provider = await upstream((_request, response) =>
      json(response, { code: 0, msg: 'ok', data: { valid: true, action: 'signup' } }),
    )
    expect(await clientFor(provider.url).validate('pt_x')).toMatchObject({
      valid: true,
      action: 'signup',
    })
  })

  it('where the official SDKs fall back to msg, says unknown_error with msg as detail; a degraded answer’s reason', async () => {
    const answers = [
      { code: 0, msg: 'token rejected', data: { valid: false } },
      { code: 0, msg: '', data: { valid: false } },
      { code: 0, msg: 'ok', data: { valid: false, degraded: true } },
    ]
    const provider = await upstream((_request, response) => json(response, answers.shift()))
    const client = clientFor(provider.url)
    expect(await client.validate('pt_x')).toMatchObject({
      valid: false,
      error: 'unknown_error',
      detail: 'token rejected',
    })
    expect(await client.validate('pt_x')).toMatchObject({ valid: false, error: 'unknown_error' })
    expect(await client.validate('pt_x')).toMatchObject({
      valid: false,
      degraded: true,
      degradedReason: 'quota_exhausted',
    })
  })

  it.each([
    ['success: "true"', { success: 'true' }],
    ['success: 1', { success: 1 }],
    ['no success field', { hostname: 'example.com' }],
    ['an array', [{ success: true }]],
  ])('siteverify with %s → not a success', async (_name, answer) => {
    const provider = await upstream((_request, response) => json(response, answer))
    const result = await verifyHcaptcha({ secret: SECRET, token: 'tok', url: provider.url })
    expect(result.success).toBe(false)
  })
})

describe('a refused request keeps CaptchaLa’s own code (against the mock)', () => {
  it('invalid_app_key, invalid_app_secret, invalid_request and rate_limit_exceeded, each with its status', async () => {
    mock = await createMockServer({
      apps: [
        {
          appKey: 'tight',
          appSecret: 'tight-secret',
          interactive: false,
          rateLimit: { max: 1, windowMs: 60_000 },
        },
      ],
    })
    const url = mock.url
    const client = (appKey: string, appSecret: string) =>
      new CaptchalaClient({ appKey, appSecret, baseUrl: url })
    expect(await client('no_such_app', 'test_secret').validate('pt_x')).toMatchObject({
      valid: false,
      error: 'invalid_app_key',
      detail: expect.stringMatching(/^http 4\d\d: /),
    })
    expect(await client('test_pass', 'wrong').validate('pt_x')).toMatchObject({
      valid: false,
      error: 'invalid_app_secret',
      detail: expect.stringMatching(/^http 401: /),
    })
    expect(await client('test_pass', 'test_secret').validate('pt_{"x":1}')).toMatchObject({
      valid: false,
      error: 'invalid_token',
    })
    const tight = client('tight', 'tight-secret')
    const token = (await solveChallenge(url, { appKey: 'tight' })).token
    expect(await tight.validate(token, { keepToken: true })).toMatchObject({ valid: true })
    expect(await tight.validate(token)).toMatchObject({
      valid: false,
      error: 'rate_limit_exceeded',
      detail: expect.stringMatching(/^http 429/),
    })
  })
})

describe('upstream text never becomes an error code', () => {
  const huge = 'A'.repeat(60_000)
  const script = '<script>alert(1)</script>'
  const cases = [
    ['a 500 with a CaptchaLa envelope', 500, { code: 500, msg: 'boom' }, 'request_failed', 'boom'],
    [
      'a 503 whose data names a token code',
      503,
      { code: 0, msg: 'x', data: { error: 'token_expired' } },
      'request_failed',
      'x',
    ],
    [
      'a 200 refusal with an internal message',
      200,
      { code: 1, msg: 'Database error: connection refused at 10.0.0.5:5432' },
      'request_failed',
      'Database error',
    ],
    [
      'a 429 with a message',
      429,
      { code: 429, msg: 'slow down, friend' },
      'rate_limit_exceeded',
      'slow down',
    ],
    [
      'a 400 with an unknown code',
      400,
      { code: 400, msg: 'm', data: { error: 'brand_new' } },
      'request_failed',
      'm',
    ],
    [
      'a 400 with a known code',
      400,
      { code: 400, msg: 'm', data: { error: 'invalid_request' } },
      'invalid_request',
      'm',
    ],
    [
      'a 500 with a 60,000-character message',
      500,
      { code: 500, msg: huge },
      'request_failed',
      'AAA',
    ],
    ['a 500 with markup', 500, { code: 500, msg: script }, 'request_failed', '?script?'],
    [
      'a validation answer with an unknown code and markup',
      200,
      { code: 0, msg: script, data: { valid: false, error: `${script}${huge}` } },
      'unknown_error',
      '?script?',
    ],
  ] as const

  it.each(cases)(
    'CaptchaLa: %s → a listed code, the text only in a capped, sanitised detail',
    async (_name, status, body, error, inDetail) => {
      const provider = await upstream((_request, response) => json(response, body, status))
      const result = await clientFor(provider.url).validate('pt_x')
      expect(result).toMatchObject({ valid: false, error })
      expect(result.detail).toContain(inDetail)
      expect(result.detail!.length).toBeLessThanOrEqual(200)
      expect(result.detail).not.toMatch(/[<>"']/)
    },
  )

  it('CaptchaLa: issueServerToken reads refusals the same way', async () => {
    const answers = [
      [500, { code: 500, msg: 'boom' }],
      [429, { code: 429, msg: 'later' }],
      [200, { code: 0, msg: 'ok', data: { server_token: script } }],
    ] as const
    let next = 0
    const provider = await upstream((_request, response) => {
      const [status, body] = answers[next++]!
      json(response, body, status)
    })
    const client = clientFor(provider.url)
    expect(await client.issueServerToken('login')).toMatchObject({
      ok: false,
      error: 'request_failed',
    })
    expect(await client.issueServerToken('login')).toMatchObject({
      ok: false,
      error: 'rate_limit_exceeded',
    })
    expect(await client.issueServerToken('login')).toMatchObject({
      ok: false,
      error: 'request_failed',
    })
  })

  it.each([
    ['a 500 that says success', 500, { success: true }, ['request_failed']],
    ['a 429', 429, { success: false, 'error-codes': ['slow'] }, ['rate_limit_exceeded']],
    [
      'error-codes as one string',
      200,
      { success: false, 'error-codes': 'invalid-input-secret' },
      ['invalid-input-secret'],
    ],
    ['an unknown code', 200, { success: false, 'error-codes': [script] }, ['request_failed']],
    [
      'a known and an unknown code',
      200,
      { success: false, 'error-codes': ['timeout-or-duplicate', huge] },
      ['timeout-or-duplicate', 'request_failed'],
    ],
    [
      'success with an error code',
      200,
      { success: true, 'error-codes': ['internal-error'] },
      ['internal-error'],
    ],
  ] as const)('siteverify: %s → %j', async (_name, status, body, codes) => {
    const provider = await upstream((_request, response) => json(response, body, status))
    const result = await verifyTurnstile({ secret: SECRET, token: 'tok', url: provider.url })
    expect(result.success).toBe(false)
    expect(result.errorCodes).toEqual(codes)
    expect(result.detail?.length ?? 0).toBeLessThanOrEqual(200)
    expect(result.detail ?? '').not.toMatch(/[<>]/)
  })
})

describe('oversized or malformed tokens are refused before any call', () => {
  it.each([
    ['900 KB', 'pt_' + 'x'.repeat(900 * 1024)],
    ['one over the cap', 'pt_' + 'x'.repeat(4096 - 2)],
    ['with a space', 'pt_abc def'],
    ['with a newline', 'pt_abc\ndef'],
  ])('CaptchaLa: %s → refused, no request', async (_name, token) => {
    const provider = await upstream((_request, response) =>
      json(response, { code: 0, data: { valid: true } }),
    )
    expect(await clientFor(provider.url).validate(token)).toMatchObject({
      valid: false,
      error: token.length > 4096 ? 'token_too_long' : 'invalid_token',
    })
    expect(provider.requests).toHaveLength(0)
  })

  it('CaptchaLa: a token at the cap is sent', async () => {
    const provider = await upstream((_request, response) =>
      json(response, { code: 0, data: { valid: true } }),
    )
    expect(await clientFor(provider.url).validate('x'.repeat(4096))).toMatchObject({ valid: true })
    expect(provider.requests).toHaveLength(1)
  })

  it.each([
    ['turnstile', verifyTurnstile as typeof verifyHcaptcha, 2048],
    ['hcaptcha', verifyHcaptcha, 8192],
    ['recaptcha', verifyRecaptcha as typeof verifyHcaptcha, 8192],
  ] as const)(
    '%s: a token over its cap → token-too-long, no request; at the cap it is sent',
    async (_name, verify, cap) => {
      const provider = await upstream((_request, response) => json(response, { success: true }))
      const over = await verify({ secret: SECRET, token: 'x'.repeat(cap + 1), url: provider.url })
      expect(over).toMatchObject({ success: false, errorCodes: ['token-too-long'] })
      expect(provider.requests).toHaveLength(0)
      const at = await verify({ secret: SECRET, token: 'x'.repeat(cap), url: provider.url })
      expect(at.success).toBe(true)
      expect(provider.requests).toHaveLength(1)
    },
  )
})
