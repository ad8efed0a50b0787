// A guard with an escalation policy: escalated clients are refused before any provider call,
// blocked ones get 429 with Retry-After, and CaptchaLa's server-token challenge clears them.
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { Hono, type Context } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CaptchalaClient,
  createPolicy,
  createVerifier,
  getClientIp,
  type PolicyOptions,
  type Verifier,
} from '../src/index'
import { requireCaptcha as expressGuard } from '../src/express'
import { requireCaptcha } from '../src/hono'
import { manualClock } from './policy-contract'

let mock: MockServer
let verifier: Verifier
let calls = 0
beforeAll(async () => {
  mock = await createMockServer()
  const real = createVerifier({
    provider: 'captchala',
    appKey: 'test_pass_invisible',
    appSecret: 'test_secret',
    baseUrl: mock.url,
    meter: false,
  })
  verifier = { verify: (token, options) => (calls++, real.verify(token, options)) }
})
afterAll(() => mock.close())

const CHALLENGE_UID = 'passline-challenge'
const ipOf = (c: Context) => c.req.header('x-test-ip') ?? null

function app(
  withChallenge: boolean,
  clock = manualClock(),
  thresholds: PolicyOptions = { challengeAfter: 2, blockAfter: 5 },
) {
  const policy = createPolicy({ ...thresholds, meter: false, now: clock.now })
  const captchala = new CaptchalaClient({
    appKey: 'test_pass_invisible',
    appSecret: 'test_secret',
    baseUrl: mock.url,
  })
  const hono = new Hono()
  hono.post(
    '/login',
    requireCaptcha({
      verifier,
      policy,
      clientIp: ipOf,
      ...(withChallenge && {
        challenge: {
          answered: (verdict) => verdict.uid === CHALLENGE_UID,
          offer: async () => {
            const issued = await captchala.issueServerToken('login', { bindUid: CHALLENGE_UID })
            return { serverToken: issued.token }
          },
        },
      }),
    }),
    (c) => c.json({ ok: true }),
  )
  return (token: string, ip = '203.0.113.50') =>
    hono.request('/login', {
      method: 'POST',
      headers: { 'x-captcha-token': token, 'x-test-ip': ip },
    })
}

const solve = async (serverToken?: string) =>
  (
    await solveChallenge(mock.url, {
      appKey: 'test_pass_invisible',
      ...(serverToken && { serverToken }),
    })
  ).token

describe('a guard with a policy', () => {
  it('refuses an escalated client before any provider call, without counting what it never verified', async () => {
    const clock = manualClock()
    const send = app(false, clock)
    for (let i = 0; i < 2; i++) expect((await send('pt_forged')).status).toBe(403)
    clock.advance(600_000)
    calls = 0
    const escalated = await send(await solve())
    expect(escalated.status).toBe(403)
    expect(await escalated.json()).toEqual({
      error: 'captcha_failed',
      reason: 'challenge_required',
    })
    // However often it is refused, nothing was verified: no failure counts, no block comes.
    for (let i = 0; i < 10; i++) expect((await send('pt_forged')).status).toBe(403)
    expect(calls).toBe(0)
    // Another client is untouched.
    expect((await send(await solve(), '198.51.100.1')).status).toBe(200)
    // Once its two failures age out, its next token is verified again.
    clock.advance(300_001)
    expect((await send(await solve())).status).toBe(200)
    expect(calls).toBe(2)
  })

  it('blocks with Retry-After once blockAfter tokens failed verification', async () => {
    const send = app(true)
    for (let i = 0; i < 2; i++) expect((await send('pt_forged')).status).toBe(403)
    // Escalated: each forged token is verified as the challenge's answer, and fails.
    for (let i = 0; i < 3; i++) {
      const refused = await send('pt_forged')
      expect(refused.status).toBe(403)
      expect(await refused.json()).toMatchObject({ reason: 'challenge_required' })
    }
    calls = 0
    const blocked = await send(await solve())
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toBe('900')
    expect(await blocked.json()).toEqual({
      error: 'captcha_failed',
      reason: 'blocked',
      retryAfter: 900,
    })
    expect(calls).toBe(0)
  })

  it.each([
    ['without challenge', false],
    ['with challenge', true],
  ])(
    '%s: concurrent valid tokens from one fresh client never escalate it',
    async (_, withChallenge) => {
      // The default policy: challengeAfter 3, blockAfter 20.
      const send = app(withChallenge, manualClock(), {})
      const tokens = await Promise.all(Array.from({ length: 10 }, () => solve()))
      const answers = await Promise.all(tokens.map((token) => send(token)))
      const statuses = answers.map((answer) => answer.status)
      // challengeAfter (3) are verified at once; the others are asked for the challenge.
      expect(statuses.filter((status) => status === 200)).toHaveLength(3)
      expect(statuses.filter((status) => status === 403)).toHaveLength(7)
      for (const answer of answers.filter((a) => a.status === 403))
        expect(await answer.json()).toMatchObject({ reason: 'challenge_required' })
      // None of them failed: the client's next requests pass as before.
      for (let i = 0; i < 3; i++) expect((await send(await solve())).status).toBe(200)
    },
  )

  it('CaptchaLa: the escalating failure offers a server token; a token solved with it passes and clears', async () => {
    const send = app(true)
    expect((await send('pt_forged')).status).toBe(403)
    const escalating = await send('pt_forged')
    const body = (await escalating.json()) as { reason: string; challenge: { serverToken: string } }
    expect(body.reason).toBe('invalid_token')
    expect(body.challenge.serverToken).toMatch(/^sct_/)
    // A plain token is not the answer, even a valid one.
    const plain = await send(await solve())
    expect(plain.status).toBe(403)
    const again = (await plain.json()) as { reason: string; challenge: { serverToken: string } }
    expect(again.reason).toBe('challenge_required')
    const answered = await send(await solve(again.challenge.serverToken))
    expect(answered.status).toBe(200)
    // Cleared: a plain token passes again.
    expect((await send(await solve())).status).toBe(200)
  })
})

describe('a guard whose clientIp finds no address', () => {
  // Hono on Node: a Fetch Request has no socket, so trustProxy: false always answers null;
  // trustProxy: 1 answers null without a usable X-Forwarded-For.
  const guarded = (clientIp: (c: Context) => string | null) => {
    const hono = new Hono()
    const policy = createPolicy({ challengeAfter: 2, blockAfter: 5, meter: false })
    hono.post('/login', requireCaptcha({ verifier, policy, clientIp }), (c) => c.json({ ok: true }))
    return (token: string, headers: Record<string, string> = {}) =>
      hono.request('/login', { method: 'POST', headers: { 'x-captcha-token': token, ...headers } })
  }

  it.each([
    ['trustProxy: false', (c: Context) => getClientIp(c.req.raw, { trustProxy: false })],
    ['trustProxy: 1', (c: Context) => getClientIp(c.req.raw, { trustProxy: 1 })],
  ])('%s: its requests are counted together, not let through uncounted', async (_, clientIp) => {
    const send = guarded(clientIp)
    calls = 0
    const reasons: string[] = []
    for (let i = 0; i < 30; i++) {
      const headers: Record<string, string> =
        i % 3 === 0 ? {} : { 'x-forwarded-for': i % 3 === 1 ? 'junk' : 'unknown, ' }
      const answer = await send('pt_forged', headers)
      expect(answer.status).toBe(403)
      reasons.push(((await answer.json()) as { reason: string }).reason)
    }
    // challengeAfter (2) tokens reached the provider; every later one was refused unverified.
    expect(calls).toBe(2)
    expect(reasons.slice(0, 2)).toEqual(['invalid_token', 'invalid_token'])
    expect(new Set(reasons.slice(2))).toEqual(new Set(['challenge_required']))
  })
})

describe('the Express guard, as in its recipe (a default policy, no challenge)', () => {
  it('ten concurrent valid tokens from one fresh client: refusals for the burst, then passes', async () => {
    // The burst is held at the provider until all ten requests have been checked: they race.
    let arrived = 0
    let release!: () => void
    const burst = new Promise<void>((resolve) => (release = resolve))
    const held: Verifier = {
      verify: async (token, options) => (await burst, verifier.verify(token, options)),
    }
    const app = express()
    app.post(
      '/signup',
      (_req, _res, next) => {
        if (++arrived === 10) setTimeout(release, 20)
        next()
      },
      expressGuard({ verifier: held, policy: createPolicy({ meter: false }) }),
      (_, res) => res.status(201).json({ ok: true }),
    )
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/signup`
    const send = async (token: string) =>
      (await fetch(url, { method: 'POST', headers: { 'x-captcha-token': token } })).status
    try {
      const tokens = await Promise.all(Array.from({ length: 10 }, () => solve()))
      const statuses = await Promise.all(tokens.map(send))
      // challengeAfter (3) were verified; the rest of the burst was asked for the challenge.
      expect(statuses.filter((status) => status === 201)).toHaveLength(3)
      expect(statuses.filter((status) => status === 403)).toHaveLength(7)
      for (let i = 0; i < 3; i++) expect(await send(await solve())).toBe(201)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
