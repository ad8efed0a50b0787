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

async function load<T>(label: string): Promise<T> {
  const file = recipes.get(label)
  if (!file) throw new Error(`no recipe "${label}" in the README`)
  return (await import(/* @vite-ignore */ file)) as T
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
    } finally {
      await app.close()
    }
  })

  it('Hono: JSON and a plain form', async () => {
    const { app } = await load<{ app: { fetch: (request: Request) => Promise<Response> } }>('Hono')
    const url = `${await listen(fetchListener((request) => app.fetch(request)))}/api/signup`
    await jsonContract(url)
    expect(
      await read(await fetch(url, form({ email: 'a@b.c', captchaToken: await token() }))),
    ).toEqual([201, { ok: true, email: 'a@b.c' }])
  })

  it('Next.js route handler', async () => {
    const { POST } = await load<{ POST: (request: Request) => Promise<Response> }>(
      'Next.js route handler',
    )
    await jsonContract(await listen(fetchListener(POST)))
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
  })

  it('SvelteKit endpoint and form action', async () => {
    const { POST } = await load<{ POST: (event: unknown) => Promise<Response> }>(
      'SvelteKit endpoint',
    )
    const event = (request: Request) => ({ request, getClientAddress: () => '127.0.0.1' })
    await jsonContract(await listen(fetchListener((request) => POST(event(request)))))

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
  })

  it('SolidStart API route', async () => {
    const { POST } = await load<{ POST: (event: unknown) => Promise<Response> }>('SolidStart')
    await jsonContract(
      await listen(fetchListener((request) => POST({ request, clientAddress: '127.0.0.1' }))),
    )
  })

  it('Angular SSR server.ts', async () => {
    const { app } = await load<{ app: RequestListener }>('Angular SSR')
    await jsonContract(`${await listen(app)}/api/signup`)
  })

  it('Astro API route', async () => {
    const { POST, prerender } = await load<{
      POST: (context: unknown) => Promise<Response>
      prerender: boolean
    }>('Astro')
    expect(prerender).toBe(false)
    await jsonContract(
      await listen(fetchListener((request) => POST({ request, clientAddress: '127.0.0.1' }))),
    )
  })
})
