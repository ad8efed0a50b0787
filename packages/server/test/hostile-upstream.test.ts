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
    ['code 0 with data.ok', { code: 0, msg: 'ok', data: { ok: true } }, 'ok'],
    ['valid as a string', { code: 0, msg: 'ok', data: { valid: 'true' } }, 'ok'],
    ['valid as 1', { code: 0, data: { valid: 1 } }, 'unknown_error'],
    ['no data', { code: 0, msg: 'ok' }, 'ok'],
    ['code "0" as text', { code: '0', data: { valid: true } }, 'request_failed'],
    ['a non-zero code with valid: true', { code: 7, msg: 'nope', data: { valid: true } }, 'nope'],
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

  it('falls back as the official SDKs do: the envelope’s msg, else unknown_error; a degraded answer’s reason', async () => {
    const answers = [
      { code: 0, msg: 'token rejected', data: { valid: false } },
      { code: 0, msg: '', data: { valid: false } },
      { code: 0, msg: 'ok', data: { valid: false, degraded: true } },
    ]
    const provider = await upstream((_request, response) => json(response, answers.shift()))
    const client = clientFor(provider.url)
    expect(await client.validate('pt_x')).toMatchObject({ valid: false, error: 'token rejected' })
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
      detail: expect.stringMatching(/^http 4\d\d$/),
    })
    expect(await client('test_pass', 'wrong').validate('pt_x')).toMatchObject({
      valid: false,
      error: 'invalid_app_secret',
      detail: 'http 401',
    })
    expect(await client('test_pass', 'test_secret').validate('p'.repeat(5000))).toMatchObject({
      valid: false,
      error: 'invalid_request',
      detail: 'http 400',
    })
    const tight = client('tight', 'tight-secret')
    const token = (await solveChallenge(url, { appKey: 'tight' })).token
    expect(await tight.validate(token, { keepToken: true })).toMatchObject({ valid: true })
    expect(await tight.validate(token)).toMatchObject({
      valid: false,
      error: 'rate_limit_exceeded',
      detail: 'http 429',
    })
  })
})
