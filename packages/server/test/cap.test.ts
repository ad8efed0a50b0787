// Cap on your own server: challenges issued by createVerifier, solved by Cap's own worker,
// redeemed once across instances, the redeemed token verified once; and Cap's own server
// code accepting a challenge of ours with the same solutions.
import Cap from '@cap.js/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import {
  CAP_REDEEM_ERRORS,
  createVerifier,
  redisStore,
  type CapChallenge,
  type CapVerifierConfig,
} from '../src/index'
import { capPrng } from '../src/cap-prng'
import { connect, type Connected } from './redis-clients'
import { solveCap, widgetPrng } from './cap-solver'

const SECRET = 'cap-test-secret'
// Light work, so that the tests solve in milliseconds.
const LIGHT = { challengeCount: 4, challengeDifficulty: 2 }

const cap = (config: Partial<CapVerifierConfig> = {}) =>
  createVerifier({ provider: 'cap', secret: SECRET, meter: false, ...LIGHT, ...config })

/** A challenge solved and redeemed: the token the widget hands the page. */
async function redeemed(verifier: ReturnType<typeof cap>, action?: string): Promise<string> {
  const result = await verifier.redeemChallenge(
    await solveCap(await verifier.issueChallenge({ action })),
  )
  if (!result.success) throw new Error(result.error)
  return result.token
}

describe('Cap: challenge and redeem', () => {
  it('issues Cap challenges with its server’s defaults: 50 puzzles of 32 characters, difficulty 4, 10 minutes', async () => {
    const now = 1_800_000_000_000
    const challenge = await createVerifier({
      provider: 'cap',
      secret: SECRET,
      now: () => now,
    }).issueChallenge()
    expect(challenge).toEqual({
      challenge: { c: 50, s: 32, d: 4 },
      token: expect.stringMatching(/^[\w-]+\.[0-9a-f]{64}$/),
      expires: now + 600_000,
    })
  })

  it('redeems solutions found by Cap’s own worker for a token valid 20 minutes', async () => {
    const now = Date.now()
    const verifier = cap({ now: () => now })
    const result = await verifier.redeemChallenge(await solveCap(await verifier.issueChallenge()))
    expect(result).toEqual({
      success: true,
      token: expect.stringMatching(/^[\w-]+\.[0-9a-f]{64}$/),
      expires: now + 1_200_000,
    })
  })

  it('redeems each challenge once: the same solutions again are already_redeemed', async () => {
    const verifier = cap()
    const body = await solveCap(await verifier.issueChallenge())
    expect((await verifier.redeemChallenge(body)).success).toBe(true)
    expect(await verifier.redeemChallenge(body)).toEqual({
      success: false,
      error: 'already_redeemed',
    })
  })

  it('refuses wrong solutions, a forged or foreign token, an expired challenge and a bad body, in Cap’s codes', async () => {
    let now = Date.now()
    const verifier = cap({ now: () => now })
    const body = await solveCap(await verifier.issueChallenge())
    const wrong = { ...body, solutions: body.solutions.map((n) => n + 1) }
    const short = { ...body, solutions: body.solutions.slice(1) }
    const forged = { ...body, token: body.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }
    const foreign = await solveCap(await cap({ secret: 'other' }).issueChallenge())
    for (const [input, error] of [
      [wrong, 'invalid_solution'],
      [short, 'invalid_solution'],
      [forged, 'invalid_token'],
      [foreign, 'invalid_token'],
      [{ token: body.token, solutions: ['1'] }, 'invalid_body'],
      [{ token: body.token, solutions: [-1] }, 'invalid_body'],
      [{ solutions: body.solutions }, 'invalid_body'],
      ['not an object', 'invalid_body'],
      [undefined, 'invalid_body'],
    ] as const)
      expect(await verifier.redeemChallenge(input)).toEqual({ success: false, error })
    // None of them used the challenge up; past its 10 minutes it is expired.
    now += 600_001
    expect(await verifier.redeemChallenge(body)).toEqual({ success: false, error: 'expired' })
    expect(CAP_REDEEM_ERRORS).toContain('expired')
  })

  it('is a challenge Cap’s own server code redeems, given our token and the same solutions', async () => {
    const verifier = cap()
    const issued = await verifier.issueChallenge()
    const body = await solveCap(issued)
    const official = new Cap({
      noFSState: true,
      disableAutoCleanup: true,
      storage: {
        // Cap's server looks the challenge up by its token; ours carries it signed inside.
        challenges: {
          store: async () => {},
          read: async () => ({ challenge: issued.challenge, expires: issued.expires }),
          delete: async () => {},
          deleteExpired: async () => {},
        },
        tokens: {
          store: async () => {},
          get: async () => null,
          delete: async () => {},
          deleteExpired: async () => {},
        },
      },
    })
    expect(await official.redeemChallenge(body)).toMatchObject({ success: true })
    const wrong = { ...body, solutions: body.solutions.map((n) => n + 1) }
    expect(await official.redeemChallenge(wrong)).toMatchObject({ success: false })
  })

  it('draws its salts and targets exactly as Cap’s widget does', () => {
    const prng = widgetPrng()
    for (let i = 0; i < 200; i++) {
      const seed = `${i.toString(36).repeat(i % 7)}token${i}d`
      expect(capPrng(seed, 1 + (i % 40))).toBe(prng(seed, 1 + (i % 40)))
    }
  })
})

describe('Cap: verify (the redeemed token)', () => {
  it('accepts a redeemed token once; again it is token_consumed', async () => {
    const verifier = cap()
    const token = await redeemed(verifier)
    expect(await verifier.verify(token)).toEqual({ success: true, provider: 'cap', raw: null })
    expect(await verifier.verify(token)).toMatchObject({ success: false, error: 'token_consumed' })
  })

  it('refuses a challenge token, a forged one and one of another secret as invalid_token', async () => {
    const verifier = cap()
    const challenge = await verifier.issueChallenge()
    const token = await redeemed(verifier)
    const forged = token.replace(/^./, (c) => (c === 'e' ? 'f' : 'e'))
    for (const candidate of [
      challenge.token,
      forged,
      await redeemed(cap({ secret: 'other' })),
      'a.b',
    ])
      expect(await verifier.verify(candidate)).toMatchObject({ error: 'invalid_token' })
    expect((await verifier.verify(token)).success).toBe(true)
  })

  it('refuses a token past its 20 minutes as token_expired', async () => {
    let now = Date.now()
    const verifier = cap({ now: () => now })
    const token = await redeemed(verifier)
    now += 1_200_001
    expect(await verifier.verify(token)).toMatchObject({ error: 'token_expired' })
  })

  it('carries the action from the challenge to the token', async () => {
    const verifier = cap()
    const token = await redeemed(verifier, 'signup')
    expect(await verifier.verify(token, { expectedAction: 'login' })).toMatchObject({
      error: 'token_action_mismatch',
      action: 'signup',
    })
    expect(await verifier.verify(token, { expectedAction: 'signup' })).toMatchObject({
      success: true,
      action: 'signup',
    })
  })
})

describe('Cap: one solution, many instances', () => {
  let first: Connected
  let second: Connected
  const prefix = `cap${process.pid}:`
  beforeAll(async () => {
    first = await connect('iovalkey', inject('redisUrl'))
    second = await connect('node-redis', inject('redisUrl'))
  })
  afterAll(async () => {
    await first.close()
    await second.close()
  })
  const pair = () => [
    cap({ store: redisStore(first.client, { prefix }) }),
    cap({ store: redisStore(second.client, { prefix }) }),
  ]

  it('a challenge redeemed on one instance is refused on another, and so is a used token', async () => {
    const [a, b] = pair()
    const body = await solveCap(await a!.issueChallenge())
    const result = await b!.redeemChallenge(body)
    expect(result.success).toBe(true)
    expect(await a!.redeemChallenge(body)).toEqual({ success: false, error: 'already_redeemed' })
    const token = (result as { token: string }).token
    expect((await a!.verify(token)).success).toBe(true)
    expect(await b!.verify(token)).toMatchObject({ error: 'token_consumed' })
  })

  it('of one redeem sent ten times at once to two instances, exactly one gets a token', async () => {
    const instances = pair()
    const body = await solveCap(await instances[0]!.issueChallenge())
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => instances[i % 2]!.redeemChallenge(body)),
    )
    expect(results.filter((result) => result.success)).toHaveLength(1)
    const token = (results.find((result) => result.success) as { token: string }).token
    const verdicts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => instances[i % 2]!.verify(token)),
    )
    expect(verdicts.filter((verdict) => verdict.success)).toHaveLength(1)
  })
})

describe('Cap: handle (its widget’s two routes as a Fetch handler)', () => {
  const post = (path: string, body?: string) =>
    new Request(`https://shop.example/api/cap/${path}`, { method: 'POST', body })

  it('answers POST …/challenge and POST …/redeem, as Cap’s widget calls them', async () => {
    const verifier = cap()
    const response = await verifier.handle(post('challenge'))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const challenge = (await response.json()) as CapChallenge
    const body = JSON.stringify(await solveCap(challenge))
    const redeem = await verifier.handle(post('redeem', body))
    expect(redeem.status).toBe(200)
    const { token } = (await redeem.json()) as { token: string }
    expect((await verifier.verify(token)).success).toBe(true)
    const again = await verifier.handle(post('redeem', body))
    expect(again.status).toBe(403)
    expect(await again.json()).toEqual({ success: false, error: 'already_redeemed' })
  })

  it('answers a body that is not JSON, or too large, 400; another route 404; another method 405', async () => {
    const verifier = cap()
    expect((await verifier.handle(post('redeem', '{'))).status).toBe(400)
    expect((await verifier.handle(post('redeem', 'x'.repeat(20_000)))).status).toBe(400)
    expect((await verifier.handle(post('other'))).status).toBe(404)
    expect(
      (await verifier.handle(new Request('https://shop.example/api/cap/challenge'))).status,
    ).toBe(404)
    expect(
      (
        await verifier.handle(
          new Request('https://shop.example/api/cap/challenge', { method: 'DELETE' }),
        )
      ).status,
    ).toBe(405)
  })

  it('is refused for a provider whose challenges are not yours', async () => {
    const turnstile = createVerifier(() => ({ provider: 'turnstile', secret: 's', meter: false }))
    const handle = (turnstile as unknown as ReturnType<typeof cap>).handle
    expect((await handle(post('challenge'))).status).toBe(503)
  })
})
