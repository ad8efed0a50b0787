import { sha1 } from '@noble/hashes/legacy'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import type { KeyState, PolicyStore, Settlement, StoreLimits } from './policy-store'
import { ONCE_SCRIPT, POLICY_SCRIPT } from './redis-script'

/** node-redis v4/v5: `evalSha(sha, { keys, arguments })`. */
interface NodeRedisLike {
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}

/** ioredis and iovalkey: `evalsha(sha, numKeys, ...keys, ...args)`. */
interface IoRedisLike {
  evalsha(sha: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
}

/** A connected node-redis (v4, v5), ioredis or iovalkey client. */
export type RedisClientLike = NodeRedisLike | IoRedisLike

export interface RedisStoreOptions {
  /**
   * Put before every key. Default `passline:`. In Redis Cluster give it a hash tag
   * (`{passline}:`): a step touches several keys, which must share a slot.
   */
  prefix?: string
}

type Run = (script: Script, keys: string[], args: string[]) => Promise<unknown>

interface Script {
  source: string
  sha: string
}
const script = (source: string): Script => ({
  source,
  sha: bytesToHex(sha1(utf8ToBytes(source))),
})
const POLICY = script(POLICY_SCRIPT)
const ONCE = script(ONCE_SCRIPT)

/**
 * Counts (and used ALTCHA and Cap solutions) in Redis, shared by every instance: each step is
 * one atomic Lua script, and every key expires when its last entry lapses. Takes your client as it is (node-redis, ioredis or
 * iovalkey; Passline depends on none), so connection, TLS and retries stay yours. With
 * ioredis, `enableOfflineQueue: false` (node-redis: `disableOfflineQueue: true`) makes an
 * outage answer at once rather than at the policy's `storeTimeoutMs`.
 * @throws TypeError for anything that is not such a client.
 */
export function redisStore(client: RedisClientLike, options: RedisStoreOptions = {}): PolicyStore {
  const prefix = options.prefix ?? 'passline:'
  const run = runner(client)
  const keysOf = (keys: readonly string[]) =>
    keys.flatMap((key) => [`${prefix}f:${key}`, `${prefix}p:${key}`])
  const args = (
    mode: string,
    now: number,
    limits: StoreLimits,
    settlement: Settlement = 'keep',
  ) => [
    mode,
    String(now),
    String(limits.windowMs),
    String(limits.pendingMs),
    String(limits.blockAt),
    settlement,
    // Unique per call, so that entries made at the same millisecond stay apart.
    `${now}-${Math.random().toString(36).slice(2)}`,
  ]

  return {
    async reserve(keys, now, limits) {
      const [reserved, states] = (await run(
        POLICY,
        keysOf(keys),
        args('reserve', now, limits),
      )) as [number, unknown[]]
      return { reserved: Number(reserved) === 1, states: states.map(readState) }
    },
    async settle(keys, now, settlement, limits) {
      const states = (await run(
        POLICY,
        keysOf(keys),
        args('settle', now, limits, settlement),
      )) as unknown[]
      return states.map(readState)
    },
    async setIfAbsent(key, _now, ttlMs) {
      // Redis's own clock lapses it: every instance agrees whatever their clocks say.
      const set = await run(ONCE, [`${prefix}once:${key}`], [String(Math.max(1, Math.ceil(ttlMs)))])
      return Number(set) === 1
    },
  }
}

/** Runs a script by its digest, loading it (with EVAL) when Redis does not have it yet. */
function runner(client: RedisClientLike): Run {
  const isNodeRedis = typeof (client as NodeRedisLike).evalSha === 'function'
  const isIoRedis = typeof (client as IoRedisLike).evalsha === 'function'
  if (!isNodeRedis && !isIoRedis)
    throw new TypeError('redisStore needs a node-redis, ioredis or iovalkey client')
  const call = ({ source, sha }: Script, load: boolean, keys: string[], args: string[]) => {
    if (isNodeRedis) {
      const redis = client as NodeRedisLike
      const options = { keys, arguments: args }
      return load ? redis.eval(source, options) : redis.evalSha(sha, options)
    }
    const redis = client as IoRedisLike
    return load
      ? redis.eval(source, keys.length, ...keys, ...args)
      : redis.evalsha(sha, keys.length, ...keys, ...args)
  }
  return async (script, keys, args) => {
    try {
      return await call(script, false, keys, args)
    } catch (error) {
      if (!String((error as Error)?.message).includes('NOSCRIPT')) throw error
      return call(script, true, keys, args)
    }
  }
}

function readState(value: unknown): KeyState {
  const [failures, pending, lapses] = value as [number, number, number[]]
  return {
    failures: Number(failures),
    pending: Number(pending),
    lapses: (lapses ?? []).map(Number),
  }
}
