// ALTCHA on your own server: challenges issued by createVerifier, solved by ALTCHA's own
// library (the algorithm its widget runs), verified once across instances; and payloads made
// by ALTCHA's own server library verified here.
import { createChallenge, solveChallenge, verifySolution, type Challenge } from 'altcha-lib'
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2'
// What ALTCHA's framework plugins (and docs) derive the key-signing secret with.
import { deriveHmacKeySecret } from 'altcha-lib/frameworks/express'
import { deriveKey as sha } from 'altcha-lib/algorithms/sha'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  createVerifier,
  memoryStore,
  redisStore,
  type AltchaChallenge,
  type AltchaVerifierConfig,
} from '../src/index'
import { connect, type Connected } from './redis-clients'

const SECRET = 'altcha-test-secret'
// Light work, so that the tests solve in milliseconds.
const LIGHT = { cost: 10, counter: { min: 5, max: 30 } }

const altcha = (config: Partial<AltchaVerifierConfig> = {}) =>
  createVerifier({ provider: 'altcha', secret: SECRET, meter: false, ...LIGHT, ...config })

/** What the widget posts: `base64(JSON{ challenge, solution })`, solved as the widget does. */
async function solve(challenge: AltchaChallenge | Challenge): Promise<string> {
  const deriveKey = challenge.parameters.algorithm.startsWith('PBKDF2/') ? pbkdf2 : sha
  const solution = await solveChallenge({ challenge: challenge as Challenge, deriveKey })
  return btoa(
    JSON.stringify({
      challenge: { parameters: challenge.parameters, signature: challenge.signature },
      solution,
    }),
  )
}

interface PayloadJson {
  challenge: { parameters: Record<string, unknown>; signature: string }
  solution: { counter: number; derivedKey: string }
}

/** The payload with `change` applied to its decoded JSON. */
function altered(payload: string, change: (json: PayloadJson) => void): string {
  const json = JSON.parse(atob(payload)) as PayloadJson
  change(json)
  return btoa(JSON.stringify(json))
}

describe('ALTCHA: issueChallenge', () => {
  it('issues ALTCHA v2 challenges in deterministic mode with its documented defaults', async () => {
    const now = 1_800_000_000_000
    const { parameters, signature } = await createVerifier({
      provider: 'altcha',
      secret: SECRET,
      now: () => now,
    }).issueChallenge()
    expect(parameters).toMatchObject({
      algorithm: 'PBKDF2/SHA-256',
      cost: 5000,
      keyLength: 32,
      expiresAt: now / 1000 + 600,
    })
    expect(parameters.nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(parameters.salt).toMatch(/^[0-9a-f]{32}$/)
    expect(parameters.keyPrefix).toMatch(/^[0-9a-f]{32}$/)
    expect(parameters.keySignature).toMatch(/^[0-9a-f]{64}$/)
    expect(signature).toMatch(/^[0-9a-f]{64}$/)
    // The JSON ALTCHA signs: keys sorted.
    expect(Object.keys(parameters)).toEqual([...Object.keys(parameters)].sort())
  })

  it('puts the work where the counter range says: ALTCHA’s solver counts up to it', async () => {
    const verifier = altcha({ counter: { min: 40, max: 40 } })
    const challenge = await verifier.issueChallenge()
    const solution = await solveChallenge({ challenge: challenge as Challenge, deriveKey: pbkdf2 })
    expect(solution?.counter).toBe(40)
  })

  it('is what ALTCHA’s own verifySolution accepts, with the same secret', async () => {
    const challenge = await altcha().issueChallenge()
    const solution = (await solveChallenge({
      challenge: challenge as Challenge,
      deriveKey: pbkdf2,
    }))!
    const result = await verifySolution({
      challenge: challenge as Challenge,
      solution,
      deriveKey: pbkdf2,
      hmacSignatureSecret: SECRET,
      hmacKeySignatureSecret: await deriveHmacKeySecret(SECRET),
    })
    expect(result).toMatchObject({
      verified: true,
      invalidSignature: false,
      invalidSolution: false,
    })
  })

  it('refuses options out of range, and a config without its secret, at construction', () => {
    for (const config of [
      { cost: 0 },
      { counter: { min: 10, max: 5 } },
      { counter: { min: -1, max: 5 } },
      { challengeTtlSeconds: 1.5 },
      { algorithm: 'ARGON2ID' as never },
      { store: { reserve: async () => ({ reserved: true, states: [] }), settle: async () => [] } },
    ])
      expect(() => altcha(config)).toThrow(expect.objectContaining({ code: 'invalid-option' }))
    expect(() => altcha({ secret: '' })).toThrow(
      expect.objectContaining({ code: 'missing-secret' }),
    )
  })
})

describe('ALTCHA: verify', () => {
  it('accepts a solved payload once; the same payload again is token_consumed', async () => {
    const verifier = altcha()
    const payload = await solve(await verifier.issueChallenge())
    expect(await verifier.verify(payload)).toEqual({ success: true, provider: 'altcha', raw: null })
    expect(await verifier.verify(payload)).toMatchObject({
      success: false,
      error: 'token_consumed',
    })
  })

  it.each(['SHA-256', 'SHA-512', 'PBKDF2/SHA-384', 'PBKDF2/SHA-512'] as const)(
    'verifies %s challenges',
    async (algorithm) => {
      const verifier = altcha({ algorithm })
      expect((await verifier.verify(await solve(await verifier.issueChallenge()))).success).toBe(
        true,
      )
    },
  )

  it('refuses a forged signature, a wrong solution and altered parameters as invalid_token', async () => {
    const verifier = altcha()
    const payload = await solve(await verifier.issueChallenge())
    const forged = altered(payload, (json) => {
      json.challenge.signature = '0'.repeat(64)
    })
    const wrong = altered(payload, (json) => {
      json.solution.derivedKey = 'ab'.repeat(32)
    })
    // A cheaper challenge, its signature kept: the signature no longer matches.
    const cheaper = altered(payload, (json) => {
      json.challenge.parameters.cost = 1
    })
    const otherSecret = await solve(await altcha({ secret: 'another' }).issueChallenge())
    for (const [token, detail] of [
      [forged, 'bad signature'],
      [wrong, 'wrong solution'],
      [cheaper, 'bad signature'],
      [otherSecret, 'bad signature'],
      [btoa('{"challenge":1}'), 'not an ALTCHA payload'],
      ['bm90IGpzb24=', 'not an ALTCHA payload'],
    ])
      expect(await verifier.verify(token)).toMatchObject({ error: 'invalid_token', detail })
    // None of them used the real one up.
    expect((await verifier.verify(payload)).success).toBe(true)
  })

  it('refuses a payload past its challenge’s expiresAt as token_expired', async () => {
    let now = Date.now()
    const verifier = altcha({ now: () => now, challengeTtlSeconds: 60 })
    const payload = await solve(await verifier.issueChallenge())
    now += 61_000
    expect(await verifier.verify(payload)).toMatchObject({
      success: false,
      error: 'token_expired',
    })
  })

  it('binds an action: another expected action is token_action_mismatch, unconsumed', async () => {
    const verifier = altcha()
    const payload = await solve(await verifier.issueChallenge({ action: 'signup' }))
    expect(await verifier.verify(payload, { expectedAction: 'login' })).toMatchObject({
      success: false,
      error: 'token_action_mismatch',
      action: 'signup',
    })
    expect(await verifier.verify(payload, { expectedAction: 'signup' })).toMatchObject({
      success: true,
      action: 'signup',
    })
  })

  it('refuses missing, oversized and non-ASCII tokens before anything else', async () => {
    const verifier = altcha()
    expect(await verifier.verify(undefined)).toMatchObject({ error: 'missing_token' })
    expect(await verifier.verify('a'.repeat(4097))).toMatchObject({ error: 'token_too_long' })
    expect(await verifier.verify('é')).toMatchObject({ error: 'invalid_token' })
  })

  it('fails closed when the store fails: request_failed, never a success', async () => {
    const verifier = altcha({
      store: {
        reserve: async () => ({ reserved: true, states: [] }),
        settle: async () => [],
        setIfAbsent: async () => {
          throw new Error('down')
        },
      },
    })
    const payload = await solve(await verifier.issueChallenge())
    expect(await verifier.verify(payload)).toMatchObject({
      success: false,
      error: 'request_failed',
      detail: 'store error',
    })
  })

  it('keeps a used payload in the store until its challenge expires (and a minute more)', async () => {
    const store = memoryStore()
    const now = Date.now()
    const verifier = altcha({ store, now: () => now, challengeTtlSeconds: 120 })
    const payload = await solve(await verifier.issueChallenge())
    await verifier.verify(payload)
    const { parameters } = JSON.parse(atob(payload)).challenge
    expect(await store.setIfAbsent!(`altcha:${parameters.nonce}`, now + 179_000, 1)).toBe(false)
    expect(await store.setIfAbsent!(`altcha:${parameters.nonce}`, now + 181_000, 1)).toBe(true)
  })
})

describe('ALTCHA: payloads made by its own server library', () => {
  it('verifies a deterministic challenge of altcha-lib (key signature from the same secret)', async () => {
    const challenge = await createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 10,
      counter: 12,
      deriveKey: pbkdf2,
      expiresAt: new Date(Date.now() + 600_000),
      hmacSignatureSecret: SECRET,
      hmacKeySignatureSecret: await deriveHmacKeySecret(SECRET),
    })
    const verifier = altcha()
    const payload = await solve(challenge)
    expect(await verifier.verify(payload)).toMatchObject({ success: true })
    expect(await verifier.verify(payload)).toMatchObject({ error: 'token_consumed' })
  })

  it('verifies a challenge without a key signature by deriving the key again', async () => {
    const challenge = await createChallenge({
      algorithm: 'SHA-256',
      cost: 2,
      deriveKey: sha,
      keyPrefix: '0',
      expiresAt: new Date(Date.now() + 600_000),
      data: { action: 'contact' },
      hmacSignatureSecret: SECRET,
    })
    const payload = await solve(challenge)
    expect(await altcha().verify(payload, { expectedAction: 'contact' })).toMatchObject({
      success: true,
      action: 'contact',
    })
    const wrong = altered(payload, (json) => {
      json.solution.counter += 1
    })
    expect(await altcha().verify(wrong)).toMatchObject({ error: 'invalid_token' })
  })

  it('refuses a challenge made without an expiry: it could be used again once forgotten', async () => {
    const challenge = await createChallenge({
      algorithm: 'SHA-256',
      cost: 1,
      deriveKey: sha,
      keyPrefix: '0',
      hmacSignatureSecret: SECRET,
    })
    expect(await altcha().verify(await solve(challenge))).toMatchObject({
      error: 'invalid_token',
      detail: 'no expiresAt',
    })
  })
})

describe('ALTCHA: one solution, many instances', () => {
  let first: Connected
  let second: Connected
  const prefix = `altcha${process.pid}:`
  beforeAll(async () => {
    first = await connect('ioredis', inject('redisUrl'))
    second = await connect('node-redis', inject('redisUrl'))
  })
  afterAll(async () => {
    await first.close()
    await second.close()
  })

  it('a payload verified by one instance is refused by another on the same Redis', async () => {
    const a = altcha({ store: redisStore(first.client, { prefix }) })
    const b = altcha({ store: redisStore(second.client, { prefix }) })
    const payload = await solve(await a.issueChallenge())
    expect((await b.verify(payload)).success).toBe(true)
    expect(await a.verify(payload)).toMatchObject({ success: false, error: 'token_consumed' })
  })

  it('of one payload submitted ten times at once to two instances, exactly one passes', async () => {
    const instances = [
      altcha({ store: redisStore(first.client, { prefix }) }),
      altcha({ store: redisStore(second.client, { prefix }) }),
    ]
    const payload = await solve(await instances[0]!.issueChallenge())
    const verdicts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => instances[i % 2]!.verify(payload)),
    )
    expect(verdicts.filter((verdict) => verdict.success)).toHaveLength(1)
    expect(new Set(verdicts.filter((v) => !v.success).map((v) => v.error))).toEqual(
      new Set(['token_consumed']),
    )
  })
})

describe('ALTCHA: handle (the challenge URL as a Fetch handler)', () => {
  it('answers GET and POST with a fresh challenge that no cache keeps', async () => {
    const verifier = altcha()
    for (const method of ['GET', 'POST']) {
      const response = await verifier.handle(
        new Request('https://shop.example/api/altcha/challenge', { method }),
        { action: 'signup' },
      )
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const challenge = (await response.json()) as AltchaChallenge
      expect(challenge.parameters.data).toEqual({ action: 'signup' })
      expect(
        (await verifier.verify(await solve(challenge), { expectedAction: 'signup' })).success,
      ).toBe(true)
    }
    const put = await verifier.handle(new Request('https://shop.example/x', { method: 'PUT' }))
    expect(put.status).toBe(405)
  })

  it('answers 503 (not the reason) when a lazy config has no secret; verify says not_configured', async () => {
    const verifier = createVerifier((): AltchaVerifierConfig => ({
      provider: 'altcha',
      secret: '',
      meter: false,
    }))
    const response = await verifier.handle(new Request('https://shop.example/challenge'))
    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({ error: 'unavailable' })
    await expect(verifier.issueChallenge()).rejects.toMatchObject({ code: 'missing-secret' })
    expect(await verifier.verify('x')).toMatchObject({
      error: 'not_configured',
      detail: 'missing-secret',
    })
  })
})
