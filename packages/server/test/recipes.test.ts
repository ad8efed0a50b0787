// Every recipe of the README, as written, against the mock server with real requests:
// Express, Fastify, Hono and Angular SSR listening on 127.0.0.1, the route modules of
// Next.js, Nuxt, SvelteKit, SolidStart and Astro called with Fetch Requests.
import { createServer, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import Fastify, { type FastifyInstance } from 'fastify'
import { createApp, toNodeListener, type EventHandler } from 'h3'
import { solveChallenge as solveAltcha, type Challenge } from 'altcha-lib'
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CapChallenge } from '../src/index'
import { solveCap } from './cap-solver'
import { extractRecipes } from './recipes'
import { setRequestHeaders } from './stubs/next-headers'

let mock: MockServer
const recipes = extractRecipes()
const servers: Server[] = []

beforeAll(async () => {
  mock = await createMockServer()
  // What the recipes read; each reads it on its first request.
  process.env.CAPTCHALA_APP_KEY = 'test_pass_invisible'
  process.env.CAPTCHALA_APP_SECRET = 'test_secret'
  process.env.CAPTCHALA_BASE_URL = mock.url
  // The self-hosted recipes: their secrets, and light work so that the tests solve quickly.
  process.env.ALTCHA_SECRET = 'altcha-recipe-secret'
  process.env.ALTCHA_COST = '1'
  process.env.CAP_SECRET = 'cap-recipe-secret'
  process.env.CAP_DIFFICULTY = '1'
})
afterAll(async () => {
  for (const server of servers) server.closeAllConnections()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  await mock.close()
})

/** The recipe's module; another `instance` loads it afresh (its verifier, its policy). */
async function load<T>(label: string, instance = ''): Promise<T> {
  const file = recipes.get(label)
  if (!file) throw new Error(`no recipe "${label}" in the README`)
  return (await import(/* @vite-ignore */ instance ? `${file}?${instance}` : file)) as T
}

const token = async (action = 'signup') =>
  (await solveChallenge(mock.url, { appKey: 'test_pass_invisible', action })).token

async function listen(listener: RequestListener) {
  const server = createServer(listener)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A Fetch handler (Hono's `app.fetch`) on node:http. */
function fetchListener(
  handle: (request: Request) => Response | Promise<Response>,
): RequestListener {
  return async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method!,
      headers: req.headers as Record<string, string>,
      ...(chunks.length && { body: Buffer.concat(chunks) }),
    })
    const response = await handle(request)
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => (headers[name] = value))
    res.writeHead(response.status, headers)
    res.end(Buffer.from(await response.arrayBuffer()))
  }
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})
const read = async (response: Response) => [response.status, await response.json()]

/** What every HTTP recipe must do with JSON: pass a good token once, refuse the rest. */
async function jsonContract(url: string) {
  const good = await token()
  expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: good })))).toEqual([
    201,
    { ok: true, email: 'a@b.c' },
  ])
  expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: good })))).toEqual([
    403,
    { error: 'captcha_failed', reason: 'token_consumed' },
  ])
  expect(
    await read(await fetch(url, json({ email: 'a@b.c' }, { 'x-captcha-token': await token() }))),
  ).toEqual([201, { ok: true, email: 'a@b.c' }])
  expect(
    (await fetch(url, json({ email: 'a@b.c', captchaToken: await token('login') }))).status,
  ).toBe(403)
  expect((await fetch(url, json({ email: 'a@b.c' }))).status).toBe(403)
}

/**
 * Bodies that hold no sign-up: a token in the header and no body, then malformed JSON. Each
 * is answered 400 in JSON (`invalid_body`, or the framework's own JSON error), never a crash
 * or a page with a stack trace. `validatesFirst`: the recipe refuses before the token is
 * spent, so the same token still signs up.
 */
async function badBodies(
  url: string,
  {
    validatesFirst,
    answer = { error: 'invalid_body' },
  }: { validatesFirst: boolean; answer?: unknown },
) {
  const good = await token()
  const headerOnly = await fetch(url, { method: 'POST', headers: { 'x-captcha-token': good } })
  expect(headerOnly.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await read(headerOnly)).toEqual([400, answer])
  if (validatesFirst) {
    expect(
      await read(await fetch(url, json({ email: 'a@b.c' }, { 'x-captcha-token': good }))),
    ).toEqual([201, { ok: true, email: 'a@b.c' }])
  }
  const malformed = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-captcha-token': await token() },
    body: '{"email":',
  })
  const text = await malformed.text()
  expect(malformed.status).toBe(400)
  expect(malformed.headers.get('content-type')).toMatch(/^application\/json/)
  expect(text).not.toMatch(/\bat \S+:\d+:\d+/) // no stack trace
}

describe('README recipes', () => {
  it('finds every recipe', () => {
    expect([...recipes.keys()]).toEqual([
      'ALTCHA with Express',
      'Cap with Hono',
      'Express',
      'Fastify',
      'Hono',
      'Next.js route handler',
      'Next.js server action',
      'Nuxt / Nitro',
      // SvelteKit 3's src/env.ts: its `@sveltejs/kit/env` is not installed here; the packed
      // apps stage (apps/e2e/packed) builds it into a SvelteKit 3 app with the endpoint below.
      'SvelteKit 3 variables',
      'SvelteKit endpoint',
      'SvelteKit form action',
      'SolidStart',
      'Angular SSR',
      'Astro',
    ])
  })

  it('ALTCHA with Express: the challenge URL, then the payload once, in JSON or as its own form field', async () => {
    const { app } = await load<{ app: RequestListener }>('ALTCHA with Express')
    const base = await listen(app)
    const payload = async () => {
      const challenge = (await (await fetch(`${base}/api/altcha/challenge`)).json()) as Challenge
      const solution = await solveAltcha({ challenge, deriveKey: pbkdf2 })
      return btoa(JSON.stringify({ challenge, solution }))
    }
    const url = `${base}/api/signup`
    const good = await payload()
    expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: good })))).toEqual([
      201,
      { ok: true, email: 'a@b.c' },
    ])
    expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: good })))).toEqual([
      403,
      { error: 'captcha_failed', reason: 'token_consumed' },
    ])
    // A plain form with ALTCHA's widget in it: its own `altcha` field.
    expect(await read(await fetch(url, form({ email: 'a@b.c', altcha: await payload() })))).toEqual(
      [201, { ok: true, email: 'a@b.c' }],
    )
    expect((await fetch(url, json({ email: 'a@b.c' }))).status).toBe(403)
    // No email: refused before the payload is spent, which then still signs up.
    const kept = await payload()
    const noEmail = await fetch(url, { method: 'POST', headers: { 'x-captcha-token': kept } })
    expect(await read(noEmail)).toEqual([400, { error: 'invalid_body' }])
    expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: kept })))).toEqual([
      201,
      { ok: true, email: 'a@b.c' },
    ])
  })

  it('Cap with Hono: challenge and redeem as its widget calls them, then the token once', async () => {
    const { app } = await load<{ app: { fetch: (request: Request) => Promise<Response> } }>(
      'Cap with Hono',
    )
    const base = await listen(fetchListener((request) => app.fetch(request)))
    const challenge = (await (
      await fetch(`${base}/api/cap/challenge`, { method: 'POST' })
    ).json()) as CapChallenge
    const redeem = await fetch(`${base}/api/cap/redeem`, json(await solveCap(challenge)))
    const { success, token } = (await redeem.json()) as { success: boolean; token: string }
    expect(success).toBe(true)
    const url = `${base}/api/signup`
    expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: token })))).toEqual([
      201,
      { ok: true, email: 'a@b.c' },
    ])
    expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: token })))).toEqual([
      403,
      { error: 'captcha_failed', reason: 'token_consumed' },
    ])
    const again = await fetch(`${base}/api/cap/challenge`, { method: 'POST' })
    const redeemed = await fetch(
      `${base}/api/cap/redeem`,
      json(await solveCap((await again.json()) as CapChallenge)),
    )
    const { token: second } = (await redeemed.json()) as { token: string }
    const noBody = await fetch(url, { method: 'POST', headers: { 'x-captcha-token': second } })
    expect(await read(noBody)).toEqual([400, { error: 'invalid_body' }])
  })

  it('Express: JSON and a plain form; escalation after repeated failures', async () => {
    const { app } = await load<{ app: RequestListener }>('Express')
    const url = `${await listen(app)}/api/signup`
    const posted = await fetch(url, {
      ...form({ email: 'a@b.c', captchaToken: await token() }),
      redirect: 'manual',
    })
    expect([posted.status, posted.headers.get('location')]).toEqual([303, '/welcome'])
    const welcome = await fetch(new URL('/welcome', url))
    expect([welcome.status, await welcome.text()]).toEqual([200, '<h1>Welcome aboard!</h1>'])
    // A refused form: a page that says why, not JSON.
    const refused = await fetch(url, form({ email: 'a@b.c', captchaToken: 'pt_forged' }))
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    expect([refused.status, await refused.text()]).toEqual([
      403,
      '<p>Sign-up refused (invalid_token). <a href="/">Back</a></p>',
    ])
    await jsonContract(url)
    // The contract's three failures (a replay, a wrong action, no token) from this client:
    // its next request must answer the stricter challenge, however good its token.
    const escalated = await fetch(url, json({ email: 'a@b.c', captchaToken: await token() }))
    expect(await read(escalated)).toEqual([
      403,
      { error: 'captcha_failed', reason: 'challenge_required' },
    ])
  })

  it('Express: a token in the header and no body, malformed or oversized JSON: 400 or 413 in JSON', async () => {
    // A fresh policy: the test above escalated this client.
    const { app } = await load<{ app: RequestListener }>('Express', 'bad-bodies')
    const url = `${await listen(app)}/api/signup`
    await badBodies(url, { validatesFirst: true })
    const oversized = await fetch(url, json({ email: 'a@b.c', pad: 'x'.repeat(200_000) }))
    expect(await read(oversized)).toEqual([413, { error: 'invalid_body' }])
    // A plain form without its email: a page, as for a refusal.
    const page = await fetch(url, form({ captchaToken: await token() }))
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect([page.status, await page.text()]).toEqual([400, '<p>Your email, please.</p>'])
  })

  it('Fastify: JSON and a plain form', async () => {
    const { default: signup } = await load<{ default: (app: FastifyInstance) => Promise<void> }>(
      'Fastify',
    )
    const app = Fastify()
    await app.register(signup)
    await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/signup`
      await jsonContract(url)
      expect(
        await read(await fetch(url, form({ email: 'a@b.c', captchaToken: await token() }))),
      ).toEqual([201, { ok: true, email: 'a@b.c' }])
      // Fastify's own 400s, in JSON: the schema's before the guard, the JSON parser's.
      await badBodies(url, {
        validatesFirst: true,
        answer: expect.objectContaining({ statusCode: 400, code: 'FST_ERR_VALIDATION' }),
      })
    } finally {
      await app.close()
    }
  })

  it('Hono: JSON and a plain form', async () => {
    const { app } = await load<{ app: { fetch: (request: Request) => Promise<Response> } }>('Hono')
    const url = `${await listen(fetchListener((request) => app.fetch(request)))}/api/signup`
    await jsonContract(url)
    await badBodies(url, { validatesFirst: false })
    expect(
      await read(await fetch(url, form({ email: 'a@b.c', captchaToken: await token() }))),
    ).toEqual([201, { ok: true, email: 'a@b.c' }])
  })

  it('Next.js route handler', async () => {
    const { POST } = await load<{ POST: (request: Request) => Promise<Response> }>(
      'Next.js route handler',
    )
    const url = await listen(fetchListener(POST))
    await jsonContract(url)
    await badBodies(url, { validatesFirst: true })
  })

  it('Next.js server action', async () => {
    const { signup } = await load<{ signup: (data: FormData) => Promise<unknown> }>(
      'Next.js server action',
    )
    setRequestHeaders({ 'x-forwarded-for': '203.0.113.5' })
    const data = new FormData()
    data.set('email', 'a@b.c')
    data.set('captchaToken', await token())
    expect(await signup(data)).toEqual({ ok: true, email: 'a@b.c' })
    expect(await signup(data)).toEqual({ ok: false, error: 'token_consumed' })
    // No email: refused before the token is spent.
    const noEmail = new FormData()
    noEmail.set('captchaToken', await token())
    expect(await signup(noEmail)).toEqual({ ok: false, error: 'invalid_body' })
    noEmail.set('email', 'a@b.c')
    expect(await signup(noEmail)).toEqual({ ok: true, email: 'a@b.c' })
  })

  it('Nuxt / Nitro server route', async () => {
    const { default: handler } = await load<{ default: EventHandler }>('Nuxt / Nitro')
    const app = createApp().use('/api/signup', handler)
    const url = `${await listen(toNodeListener(app))}/api/signup`
    const good = await token()
    expect(await read(await fetch(url, json({ email: 'a@b.c', captchaToken: good })))).toEqual([
      201,
      { ok: true, email: 'a@b.c' },
    ])
    const replay = await fetch(url, json({ email: 'a@b.c', captchaToken: good }))
    expect(replay.status).toBe(403)
    expect(await replay.json()).toMatchObject({
      statusMessage: 'token_consumed',
      data: { error: 'captcha_failed', reason: 'token_consumed' },
    })
    expect(
      (await fetch(url, json({ email: 'a@b.c' }, { 'x-captcha-token': await token() }))).status,
    ).toBe(201)
    // No body: refused before the token is spent, h3's JSON error with the code in `data`.
    const kept = await token()
    const noBody = await fetch(url, { method: 'POST', headers: { 'x-captcha-token': kept } })
    expect(noBody.status).toBe(400)
    expect(await noBody.json()).toMatchObject({ data: { error: 'invalid_body' } })
    expect((await fetch(url, json({ email: 'a@b.c' }, { 'x-captcha-token': kept }))).status).toBe(
      201,
    )
  })

  it('SvelteKit endpoint and form action', async () => {
    const { POST } = await load<{ POST: (event: unknown) => Promise<Response> }>(
      'SvelteKit endpoint',
    )
    const event = (request: Request) => ({ request, getClientAddress: () => '127.0.0.1' })
    const url = await listen(fetchListener((request) => POST(event(request))))
    await jsonContract(url)
    await badBodies(url, { validatesFirst: true })

    const { actions } = await load<{ actions: { default: (event: unknown) => Promise<unknown> } }>(
      'SvelteKit form action',
    )
    const post = async (fields: Record<string, string>) =>
      actions.default(event(new Request('http://app.example/signup', form(fields))))
    const good = await token()
    expect(await post({ email: 'a@b.c', captchaToken: good })).toEqual({ ok: true, email: 'a@b.c' })
    expect(await post({ email: 'a@b.c', captchaToken: good })).toMatchObject({
      status: 403,
      data: { error: 'token_consumed' },
    })
    // No email, or no form at all: refused before the token is spent.
    const kept = await token()
    expect(await post({ captchaToken: kept })).toMatchObject({
      status: 400,
      data: { error: 'invalid_body' },
    })
    const notForm = new Request('http://app.example/signup', json({ captchaToken: kept }))
    expect(await actions.default(event(notForm))).toMatchObject({
      status: 400,
      data: { error: 'invalid_body' },
    })
    expect(await post({ email: 'a@b.c', captchaToken: kept })).toEqual({
      ok: true,
      email: 'a@b.c',
    })
  })

  it('SolidStart API route', async () => {
    const { POST } = await load<{ POST: (event: unknown) => Promise<Response> }>('SolidStart')
    const url = await listen(
      fetchListener((request) => POST({ request, clientAddress: '127.0.0.1' })),
    )
    await jsonContract(url)
    await badBodies(url, { validatesFirst: true })
  })

  it('Angular SSR server.ts', async () => {
    const { app } = await load<{ app: RequestListener }>('Angular SSR')
    const url = `${await listen(app)}/api/signup`
    await jsonContract(url)
    await badBodies(url, { validatesFirst: true })
  })

  it('Astro API route', async () => {
    const { POST, prerender } = await load<{
      POST: (context: unknown) => Promise<Response>
      prerender: boolean
    }>('Astro')
    expect(prerender).toBe(false)
    const url = await listen(
      fetchListener((request) => POST({ request, clientAddress: '127.0.0.1' })),
    )
    await jsonContract(url)
    await badBodies(url, { validatesFirst: true })
  })
})
