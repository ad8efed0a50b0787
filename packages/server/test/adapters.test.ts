import type { AddressInfo } from 'node:net'
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireCaptcha as expressGuard, type CaptchaRequest } from '../src/express'
import { requireCaptcha as fastifyGuard } from '../src/fastify'
import { requireCaptcha as honoGuard } from '../src/hono'
import { CaptchalaClient, getClientIp, type ValidateResult } from '../src/index'

let mock: MockServer
let client: CaptchalaClient
beforeAll(async () => {
  mock = await createMockServer()
  client = new CaptchalaClient({ appKey: 'test_pass', appSecret: 'test_secret', baseUrl: mock.url })
})
afterAll(() => mock.close())

const token = async () => (await solveChallenge(mock.url, { action: 'signup' })).token

/** The same four requests against each framework: no token, a good one in the body, the same again, a header one. */
async function exercise(
  send: (init: { headers?: Record<string, string>; body?: string }) => Promise<Response>,
) {
  const json = { 'content-type': 'application/json' }
  const missing = await send({ headers: json, body: JSON.stringify({ email: 'a@b.c' }) })
  const good = await token()
  const passed = await send({
    headers: json,
    body: JSON.stringify({ email: 'a@b.c', captchaToken: good }),
  })
  const replayed = await send({
    headers: json,
    body: JSON.stringify({ email: 'a@b.c', captchaToken: good }),
  })
  const viaHeader = await send({
    headers: { ...json, 'x-captcha-token': await token() },
    body: '{}',
  })
  const viaForm = await send({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'g-recaptcha-response': 'pt_forged' }).toString(),
  })
  return {
    missing: [missing.status, await missing.json()],
    passed: [passed.status, await passed.json()],
    replayed: [replayed.status, await replayed.json()],
    viaHeader: [viaHeader.status, await viaHeader.json()],
    viaForm: [viaForm.status, await viaForm.json()],
  }
}

const expected = {
  missing: [403, { error: 'captcha_failed', reason: 'missing_token' }],
  passed: [200, { created: 'a@b.c', action: 'signup' }],
  replayed: [403, { error: 'captcha_failed', reason: 'token_consumed' }],
  viaHeader: [200, { created: null, action: 'signup' }],
  viaForm: [403, { error: 'captcha_failed', reason: 'invalid_token' }],
}

const verify = (pass: string, ip: string | null) =>
  client.validate(pass, { clientIp: ip, expectedAction: 'signup' })

describe('framework guards', () => {
  it('Express: guards a route and hands the result to the handler', async () => {
    const app = express()
    app.use(express.json(), express.urlencoded({ extended: false }))
    app.post(
      '/signup',
      expressGuard({
        verify: (pass, req) => verify(pass, getClientIp(req, { trustProxy: false })),
      }),
      (req, res) => {
        const result = (req as CaptchaRequest<ValidateResult>).captcha
        res.json({ created: req.body.email ?? null, action: result.action })
      },
    )
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/signup`
    try {
      expect(await exercise((init) => fetch(url, { method: 'POST', ...init }))).toEqual(expected)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('Fastify: guards a route as a preHandler', async () => {
    const app = Fastify()
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    )
    app.post<{ Body: { email?: string } }>(
      '/signup',
      { preHandler: fastifyGuard({ verify: (pass, request) => verify(pass, request.ip) }) },
      async (request) => ({
        created: request.body.email ?? null,
        action: (request.captcha as ValidateResult).action,
      }),
    )
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    try {
      expect(
        await exercise((init) =>
          fetch(`http://127.0.0.1:${port}/signup`, { method: 'POST', ...init }),
        ),
      ).toEqual(expected)
    } finally {
      await app.close()
    }
  })

  it('Hono: guards a route with fetch-only middleware, body still readable by the handler', async () => {
    const app = new Hono()
    app.post('/signup', honoGuard({ verify: (pass) => verify(pass, '127.0.0.1') }), async (c) => {
      const type = c.req.header('content-type') ?? ''
      const body = type.includes('json') ? await c.req.json<{ email?: string }>() : {}
      return c.json({
        created: body.email ?? null,
        action: (c.get('captcha') as ValidateResult).action,
      })
    })
    expect(
      await exercise(async (init) => app.request('/signup', { method: 'POST', ...init })),
    ).toEqual(expected)
  })

  it('fails closed when verify throws', async () => {
    const app = new Hono()
    app.post(
      '/x',
      honoGuard({ verify: async () => Promise.reject(new Error('boom')), tokenFrom: 'header' }),
      (c) => c.text('in'),
    )
    const response = await app.request('/x', {
      method: 'POST',
      headers: { 'x-captcha-token': 't' },
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ error: 'captcha_failed', reason: 'request_failed' })
  })
})
