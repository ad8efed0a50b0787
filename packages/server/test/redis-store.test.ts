// redisStore against a real Redis (started by redis-global-setup.ts) with each client it
// takes: the store contract, then what only a shared store can show.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { createPolicy, redisStore } from '../src/index'
import { onceContract } from './once-contract'
import { failure, manualClock, storeContract, success } from './policy-contract'
import { CLIENTS, connect, type Connected } from './redis-clients'
import { startRedis, type RedisProcess } from './redis-server.mjs'

const url = inject('redisUrl')
let prefixes = 0
const freshPrefix = () => `test${process.pid}-${++prefixes}:`

for (const name of CLIENTS) {
  describe(`redisStore with ${name}`, () => {
    let connected: Connected
    beforeAll(async () => {
      connected = await connect(name, url)
    })
    afterAll(() => connected.close())

    storeContract(`redisStore (${name})`, () =>
      redisStore(connected.client, { prefix: freshPrefix() }),
    )
    onceContract(`redisStore (${name})`, () =>
      redisStore(connected.client, { prefix: freshPrefix() }),
    )

    it('keeps a used solution under its prefix, expiring with it', async () => {
      const prefix = freshPrefix()
      const store = redisStore(connected.client, { prefix })
      expect(await store.setIfAbsent!('altcha:abc', Date.now(), 600_000)).toBe(true)
      const ttl = Number(await connected.command('PTTL', `${prefix}once:altcha:abc`))
      expect(ttl).toBeGreaterThan(590_000)
      expect(ttl).toBeLessThanOrEqual(600_000)
    })

    it('keys expire with their last entry, and hold no address', async () => {
      const prefix = freshPrefix()
      const policy = createPolicy({ store: redisStore(connected.client, { prefix }), meter: false })
      await policy.check({ ip: '203.0.113.9' })
      await policy.record({ ip: '203.0.113.9' }, failure())
      const keys = (await connected.command('KEYS', `${prefix}*`)) as string[]
      expect(keys).toEqual([expect.stringMatching(new RegExp(`^${prefix}f:ip:[0-9a-f]{32}$`))])
      const ttl = Number(await connected.command('PTTL', keys[0]!))
      expect(ttl).toBeGreaterThan(890_000)
      expect(ttl).toBeLessThanOrEqual(900_000)
    })

    it('loads its script again after SCRIPT FLUSH', async () => {
      const policy = createPolicy({
        store: redisStore(connected.client, { prefix: freshPrefix() }),
        meter: false,
      })
      await policy.check({ ip: '192.0.2.5' })
      await connected.command('SCRIPT', 'FLUSH')
      expect(await policy.record({ ip: '192.0.2.5' }, failure())).toMatchObject({ action: 'allow' })
    })
  })
}

describe('many instances on one Redis', () => {
  const ip = { ip: '198.51.100.20' }
  const opened: Connected[] = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()))
  })
  const instance = async (
    prefix: string,
    clock: ReturnType<typeof manualClock>,
    client = CLIENTS[opened.length % 3]!,
  ) => {
    const connected = await connect(client, url)
    opened.push(connected)
    return createPolicy({
      store: redisStore(connected.client, { prefix }),
      now: clock.now,
      meter: false,
    })
  }

  it('a restarted policy (new instance, same Redis) keeps the escalation', async () => {
    const prefix = freshPrefix()
    const clock = manualClock()
    const first = await instance(prefix, clock)
    for (let i = 0; i < 3; i++) {
      await first.check(ip)
      await first.record(ip, failure())
    }
    const restarted = await instance(prefix, clock)
    expect(await restarted.check(ip)).toMatchObject({ action: 'challenge' })
  })

  it('three instances with failures spread round-robin escalate at the same count as one', async () => {
    const prefix = freshPrefix()
    const clock = manualClock()
    const instances = [
      await instance(prefix, clock),
      await instance(prefix, clock),
      await instance(prefix, clock),
    ]
    const actions: string[] = []
    for (let i = 0; i < 21; i++) {
      const policy = instances[i % 3]!
      const decision = await policy.check(ip)
      actions.push(decision.action)
      if (decision.action !== 'block') await policy.record(ip, failure())
    }
    expect(actions.indexOf('challenge')).toBe(3)
    expect(actions.indexOf('block')).toBe(20)
    // Interleaved, racing and across instances: "2 failures then 1 success" escalates too.
    const other = { ip: '198.51.100.21' }
    const settled = await Promise.all(
      [failure(), failure(), success, failure()].map(async (verdict, i) => {
        const policy = instances[i % 3]!
        await policy.check(other)
        return policy.record(other, verdict)
      }),
    )
    expect(settled.some((d) => d.action === 'challenge')).toBe(true)
    expect(await instances[0]!.check(other)).toMatchObject({ action: 'challenge' })
  })
})

describe('Redis killed mid-run', () => {
  let redis: RedisProcess | undefined
  afterEach(() => redis?.stop())

  it.each(CLIENTS)(
    '%s: decisions fail closed within the timeout, never throw, and recover',
    async (name) => {
      redis = await startRedis()
      const connected = await connect(name, redis.url)
      const policy = createPolicy({
        store: redisStore(connected.client, { prefix: 'kill:' }),
        storeTimeoutMs: 200,
        meter: false,
      })
      const ip = { ip: '192.0.2.77' }
      try {
        expect(await policy.check(ip)).toMatchObject({ action: 'allow' })
        await policy.record(ip, failure())
        await redis.stop({ hard: true })
        for (let i = 0; i < 3; i++) {
          const started = performance.now()
          const decision = await policy.check(ip)
          expect(decision.action).toBe('challenge')
          expect(['store_error', 'store_timeout']).toContain(decision.reason)
          expect(performance.now() - started).toBeLessThan(400)
          expect((await policy.record(ip, failure())).action).toBe('challenge')
        }
        // Back on the same port (empty, as --save '' keeps nothing): the client reconnects.
        redis = await startRedis(redis.port)
        let decision = await policy.check(ip)
        for (let tries = 0; decision.reason.startsWith('store') && tries < 100; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 20))
          decision = await policy.check(ip)
        }
        expect(decision).toEqual({ action: 'allow', reason: 'under_threshold' })
      } finally {
        await connected.close()
      }
    },
  )
})
