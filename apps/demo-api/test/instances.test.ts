// Three demo-api processes sharing one real Redis (REDIS_URL), as a deployment with several
// instances runs: what one client does over all three is counted as if there were one.
import { createMockServer, type MockServer } from '@passline/mock-server'
import { createClient } from 'redis'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  hasRedisServer,
  startRedis,
  type RedisProcess,
} from '../../../packages/server/test/redis-server.mjs'
import { freshEmail, passToken, postJson } from './requests'
import {
  BLOCK_AFTER,
  concurrentFailures,
  escalation,
  failures,
  interleaved,
  raceAtTwoFailures,
} from './scenarios'
import { bundleMain, spawnApi, type SpawnedApi } from './spawned-api'

/** `createPolicy`'s default `storeTimeoutMs`: no store step may take longer. */
const STORE_TIMEOUT_MS = 250

let redis: RedisProcess
let mock: MockServer
let admin: ReturnType<typeof createClient>
const instances: SpawnedApi[] = []
const urls = () => instances.map((instance) => instance.url)
const start = () =>
  spawnApi({
    PASSLINE_MOCK_URL: mock.url,
    REDIS_URL: redis.url,
    PASSLINE_BLOCK_AFTER: String(BLOCK_AFTER),
  })

beforeAll(async () => {
  if (!hasRedisServer())
    throw new Error('redis-server is needed: `apt-get install -y redis-server` (scripts/test.sh)')
  ;[redis, mock] = await Promise.all([startRedis(), createMockServer(), bundleMain()])
  instances.push(...(await Promise.all([start(), start(), start()])))
  admin = createClient({ url: redis.url })
  admin.on('error', () => {})
  await admin.connect()
})

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()))
  admin?.destroy()
  await mock?.close()
  await redis?.stop()
})

// Every test is one new client: nothing counted yet.
beforeEach(async () => {
  await admin.flushAll()
})

/** A signup with a good, plain token (not solved with a server token). */
const plainSignup = async (url: string) =>
  postJson(url, { email: freshEmail(), captchaToken: await passToken(mock.url) })

describe('three instances on one Redis', () => {
  it('escalate and block a client whose failures go to each in turn at the same counts as one instance', async () => {
    expect(await failures(urls(), BLOCK_AFTER + 1)).toEqual(escalation(BLOCK_AFTER))
  })

  it('count fifty failures sent at once exactly fifty', async () => {
    const answers = await concurrentFailures(urls(), 50)
    expect(answers.every((answer) => answer !== 'blocked' && answer !== 'created')).toBe(true)
    // At 50 the next failure is still answered (51: the block's threshold), the one after blocked.
    expect(await failures(urls(), 2)).toEqual(['challenge_required', 'blocked'])
  })

  it('let one of twenty signups racing at two failures through, not twenty', async () => {
    const answers = await raceAtTwoFailures(urls(), mock.url, 20)
    expect(answers.filter((answer) => answer === 'created')).toHaveLength(1)
    expect(answers.filter((answer) => answer === 'challenge_required')).toHaveLength(19)
  })

  it('never let "two failures, then one success" reset the count', async () => {
    expect(await interleaved(urls(), mock.url, 10)).toEqual([
      'captcha_failed',
      'captcha_failed',
      'created',
      ...Array<string>(27).fill('challenge_required'),
    ])
  })

  it('keep a client escalated across a restart, and let its challenge pass at another', async () => {
    await failures(urls(), 3)
    await instances[0]!.stop()
    instances[0] = await start()
    const escalated = await plainSignup(instances[0].url)
    expect(escalated.body).toMatchObject({
      error: 'challenge_required',
      serverToken: expect.stringMatching(/^sct_/),
    })
    const serverToken = escalated.body.serverToken as string
    const answered = await postJson(instances[1]!.url, {
      email: freshEmail(),
      captchaToken: await passToken(mock.url, { serverToken }),
    })
    expect(answered.status).toBe(201)
  })

  it('decide challenge at once while Redis is down, stay up, and recover when it is back', async () => {
    await redis.stop({ hard: true })
    for (const url of urls()) {
      const captchaToken = await passToken(mock.url)
      const started = performance.now()
      const reply = await postJson(url, { email: freshEmail(), captchaToken })
      const elapsed = performance.now() - started
      // Fail closed: a good plain token is not enough while nothing can be counted...
      expect(reply.body).toMatchObject({ error: 'challenge_required' })
      // ...decided within the store timeout (a check and a record, plus the mock's calls).
      expect(elapsed).toBeLessThan(2 * STORE_TIMEOUT_MS + 500)
      console.log(`Redis down: decided in ${Math.round(elapsed)} ms`)
      expect((await fetch(`${url}/api/config`)).status).toBe(200)
    }
    redis = await startRedis(redis.port)
    for (const url of urls()) {
      await expect
        .poll(async () => (await plainSignup(url)).status, { timeout: 10_000, interval: 100 })
        .toBe(201)
    }
  })
})
