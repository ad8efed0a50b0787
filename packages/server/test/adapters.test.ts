// The Express, Fastify and Hono guards over real HTTP against the mock: the token from the
// header, a JSON body, a urlencoded form and a multipart form, in the documented order.
import type { AddressInfo } from 'node:net'
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireCaptcha as expressGuard, type CaptchaRequest } from '../src/express'
import { requireCaptcha as fastifyGuard } from '../src/fastify'
import { requireCaptcha as honoGuard } from '../src/hono'
import { CaptchaConfigError, createPolicy, createVerifier, type Verifier } from '../src/index'

let mock: MockServer
let verifier: Verifier
beforeAll(async () => {
  mock = await createMockServer()
  verifier = createVerifier({
    provider: 'captchala',
    appKey: 'test_pass_invisible',
    appSecret: 'test_secret',
    baseUrl: mock.url,
    meter: false,
  })
})
afterAll(() => mock.close())

const token = async () =>
  (await solveChallenge(mock.url, { appKey: 'test_pass_invisible', action: 'signup' })).token

type Send = (init: { headers?: Record<string, string>; body?: BodyInit }) => Promise<Response>
const json = { 'content-type': 'application/json' }
const answer = async (response: Response) => [response.status, await response.json()]

/** The same requests against each framework; what each answered. */
async function exercise(send: Send) {
  const form = (fields: Record<string, string>) => ({
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  const multipartForm = (fields: Record<string, string>) => {
    const data = new FormData()
    for (const [name, value] of Object.entries(fields)) data.append(name, value)
    return { body: data }
  }
  const good = await token()
  return {
    missing: await answer(await send({ headers: json, body: JSON.stringify({ email: 'a@b.c' }) })),
    json: await answer(
      await send({ headers: json, body: JSON.stringify({ email: 'a@b.c', captchaToken: good }) }),
    ),
    replayed: await answer(
      await send({ headers: json, body: JSON.stringify({ email: 'a@b.c', captchaToken: good }) }),
    ),
    header: await answer(
      await send({ headers: { ...json, 'x-captcha-token': await token() }, body: '{}' }),
    ),
    // The header comes first: a good body token does not save a bad header one.
    headerFirst: await answer(
      await send({
        headers: { ...json, 'x-captcha-token': 'pt_forged' },
        body: JSON.stringify({ captchaToken: await token() }),
      }),
    ),
    urlencoded: await answer(await send(form({ email: 'a@b.c', captchaToken: await token() }))),
    providerField: await answer(
      await send(form({ email: 'a@b.c', 'cf-turnstile-response': await token() })),
    ),
    multipart: await answer(
      await send(multipartForm({ email: 'a@b.c', captchaToken: await token() })),
    ),
    undocumentedAlias: await answer(await send(form({ captcha_token: await token() }))),
  }
}

const ok = (email: string | null) => [200, { created: email, action: 'signup' }]
const refused = (reason: string) => [403, { error: 'captcha_failed', reason }]
const expected = {
  missing: refused('missing_token'),
  json: ok('a@b.c'),
  replayed: refused('token_consumed'),
  header: ok(null),
  headerFirst: refused('invalid_token'),
  urlencoded: ok('a@b.c'),
  providerField: ok('a@b.c'),
  multipart: ok('a@b.c'),
  undocumentedAlias: refused('missing_token'),
}

async function listen(app: express.Express) {
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    send:
      (path: string): Send =>
      (init) =>
        fetch(`${url}${path}`, { method: 'POST', ...init }),
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

describe('framework guards', () => {
  it.each([
    ['with express.json() and express.urlencoded()', true],
    ['with no body parser (the guard reads the body)', false],
  ])('Express %s', async (_name, parsers) => {
    const app = express()
    if (parsers) app.use(express.json(), express.urlencoded({ extended: false }))
    app.post('/signup', expressGuard({ verifier, expectedAction: 'signup' }), (req, res) => {
      const { captcha } = req as CaptchaRequest
      res.json({ created: req.body?.email ?? null, action: captcha.action })
    })
    const server = await listen(app)
    try {
      // Multipart is no parser's here either way: the guard reads it, and sets req.body.
      expect(await exercise(server.send('/signup'))).toEqual(expected)
    } finally {
      await server.close()
    }
  })

  it('Fastify with @fastify/formbody and @fastify/multipart', async () => {
    const app = Fastify()
    await app.register(formbody)
    await app.register(multipart, { attachFieldsToBody: 'keyValues' })
    app.post<{ Body: { email?: string } | undefined }>(
      '/signup',
      { preHandler: fastifyGuard({ verifier, expectedAction: 'signup' }) },
      async (request) => ({
        created: request.body?.email ?? null,
        action: request.captcha!.action,
      }),
    )
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    try {
      const send: Send = (init) =>
        fetch(`http://127.0.0.1:${port}/signup`, { method: 'POST', ...init })
      expect(await exercise(send)).toEqual(expected)
    } finally {
      await app.close()
    }
  })

  it('Hono: JSON, urlencoded and multipart; the handler can still read the body', async () => {
    const app = new Hono()
    app.post('/signup', honoGuard({ verifier, expectedAction: 'signup' }), async (c) => {
      const type = c.req.header('content-type') ?? ''
      const body: { email?: unknown } = type.includes('json')
        ? await c.req.json()
        : type.includes('form')
          ? await c.req.parseBody()
          : {}
      return c.json({ created: body.email ?? null, action: c.get('captcha').action })
    })
    expect(
      await exercise(async (init) => app.request('/signup', { method: 'POST', ...init })),
    ).toEqual(expected)
  })
})

describe('guards fail closed and never crash', () => {
  it('a verifier that throws, or a provider that is down, answers 503 unavailable', async () => {
    const app = new Hono()
    const throwing = { verify: async () => Promise.reject(new Error('boom')) }
    const down = createVerifier({
      provider: 'captchala',
      appKey: 'k',
      appSecret: 's',
      baseUrl: 'http://127.0.0.1:1',
      meter: false,
    })
    app.post('/throwing', honoGuard({ verifier: throwing }), (c) => c.text('in'))
    app.post('/down', honoGuard({ verifier: down }), (c) => c.text('in'))
    for (const path of ['/throwing', '/down']) {
      const response = await app.request(path, {
        method: 'POST',
        headers: { 'x-captcha-token': 'pt_t' },
      })
      expect(response.status).toBe(503)
      expect(await response.json()).toEqual({ error: 'captcha_failed', reason: 'unavailable' })
    }
  })

  it('Hono: a policy with nothing to count is a setup error, not a guard that never escalates', () => {
    const policy = createPolicy()
    expect(() => honoGuard({ verifier, policy })).toThrow(CaptchaConfigError)
    expect(() => honoGuard({ verifier, policy, clientIp: () => '203.0.113.7' })).not.toThrow()
    expect(() => honoGuard({ verifier, policy, keys: () => ({ account: 'ada' }) })).not.toThrow()
  })
})

describe('onRefusal: a refused request answered your way (a page for a plain form)', () => {
  const page = (reason: string) => `<p>Sign-up refused (${reason}).</p>`
  const form = { 'content-type': 'application/x-www-form-urlencoded' }
  const expectPage = async (response: Response) => {
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toBe(page('missing_token'))
  }

  it('Express', async () => {
    const app = express().use(express.urlencoded({ extended: false }))
    app.post(
      '/signup',
      expressGuard({
        verifier,
        onRefusal: (refusal, _req, res) =>
          void res.status(refusal.status).type('html').send(page(refusal.body.reason)),
      }),
      (_req, res) => void res.send('in'),
    )
    const server = await listen(app)
    try {
      await expectPage(await server.send('/signup')({ headers: form, body: 'email=a' }))
    } finally {
      await server.close()
    }
  })

  it('Fastify', async () => {
    const app = Fastify()
    await app.register(formbody)
    app.post(
      '/signup',
      {
        preHandler: fastifyGuard({
          verifier,
          onRefusal: (refusal, _request, reply) =>
            reply.code(refusal.status).type('text/html').send(page(refusal.body.reason)),
        }),
      },
      async () => 'in',
    )
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    try {
      await expectPage(
        await fetch(`http://127.0.0.1:${port}/signup`, {
          method: 'POST',
          headers: form,
          body: 'email=a',
        }),
      )
    } finally {
      await app.close()
    }
  })

  it('Hono', async () => {
    const app = new Hono()
    app.post(
      '/signup',
      honoGuard({
        verifier,
        onRefusal: (refusal, c) => c.html(page(refusal.body.reason), refusal.status),
      }),
      (c) => c.text('in'),
    )
    await expectPage(
      await app.request('/signup', { method: 'POST', headers: form, body: 'email=a' }),
    )
  })
})
