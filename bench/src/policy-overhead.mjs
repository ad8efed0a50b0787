// What @passline/server's escalation policy adds to a request: `check()` before the
// verification and `record()` after it, timed together, with the memory store and with a real
// Redis (ioredis, on this machine). Clients come from a pool, so some keys are new and some
// already hold failures, as in production; one request in ten is a token failure.
import { performance } from 'node:perf_hooks'
import { createPolicy, memoryStore, redisStore } from '@passline/server'
import { Redis } from 'ioredis'
import { startRedis } from '../../packages/server/test/redis-server.mjs'

const failure = { success: false, error: 'invalid_token', provider: 'captchala', raw: null }
const success = { success: true, provider: 'captchala', raw: null }

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

async function timeRequests(policy, requests) {
  const clients = 5_000
  // Warm up (JIT, connection), not measured.
  for (let i = 0; i < Math.min(requests, 500); i++) await oneRequest(policy, i % clients, i)
  const samples = []
  for (let i = 0; i < requests; i++) {
    const started = performance.now()
    await oneRequest(policy, (i * 7919) % clients, i)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { requests, p50Ms: percentile(samples, 0.5), p99Ms: percentile(samples, 0.99) }
}

async function oneRequest(policy, client, i) {
  const keys = { ip: `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}` }
  const decision = await policy.check(keys)
  if (decision.action !== 'block') await policy.record(keys, i % 10 === 0 ? failure : success)
}

export async function policyOverhead({ requests }) {
  const memory = await timeRequests(createPolicy({ store: memoryStore(), meter: false }), requests)
  const redis = await startRedis()
  const client = new Redis(redis.url, { enableOfflineQueue: true })
  try {
    const shared = await timeRequests(
      createPolicy({ store: redisStore(client), meter: false }),
      requests,
    )
    return { memory, redis: shared }
  } finally {
    client.disconnect()
    await redis.stop()
  }
}
