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
import { scenarioTests } from './scenario-suite'
import { BLOCK_AFTER, failures } from './scenarios'
import { bundleMain, spawnApi, type SpawnedApi } from './spawned-api'
import { createUpstream, type Upstream } from './upstream'

/** `createPolicy`'s default `storeTimeoutMs`: no store step may take longer. */
const STORE_TIMEOUT_MS = 250

let redis: RedisProcess
let mock: MockServer
let upstream: Upstream
let admin: ReturnType<typeof createClient>
const instances: SpawnedApi[] = []
/** One client, its requests to each instance in turn. */
const client = () => ({
  urls: instances.map((instance) => instance.url),
  token: () => passToken(mock.url),
  upstream,
})
const start = () =>
  spawnApi({
    PASSLINE_MOCK_URL: upstream.url,
    REDIS_URL: redis.url,
    PASSLINE_BLOCK_AFTER: String(BLOCK_AFTER),
  })

beforeAll(async () => {
  if (!hasRedisServer())
    throw new Error('redis-server is needed: `apt-get install -y redis-server` (scripts/test.sh)')
  ;[redis, mock] = await Promise.all([startRedis(), createMockServer(), bundleMain()])
  upstream = await createUpstream(mock.url)
  instances.push(...(await Promise.all([start(), start(), start()])))
  admin = createClient({ url: redis.url })
  admin.on('error', () => {})
  await admin.connect()
})

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()))
  admin?.destroy()
  await upstream?.close()
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
  scenarioTests(client)

  it('keeps a client escalated across a restart, and lets its challenge pass at another', async () => {
    await failures(client(), 3)
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

  it('decides challenge at once while Redis is down, stays up, and recovers when it is back', async () => {
    await redis.stop({ hard: true })
    for (const { url } of instances) {
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
    const restarted = performance.now()
    for (const { url } of instances) {
      await expect
        .poll(async () => (await plainSignup(url)).status, { timeout: 10_000, interval: 100 })
        .toBe(201)
    }
    console.log(
      `Redis back: all three allow again within ${Math.round(performance.now() - restarted)} ms`,
    )
  })
})
