import { sha1 } from '@noble/hashes/legacy'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import type { KeyState, PolicyStore, Settlement, StoreLimits } from './policy-store'
import { POLICY_SCRIPT } from './redis-script'

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

type Run = (keys: string[], args: string[]) => Promise<unknown>

/**
 * Counts in Redis, shared by every instance: each step is one atomic Lua script, and every
 * key expires when its last entry lapses. Takes your client as it is (node-redis, ioredis or
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
      const [reserved, states] = (await run(keysOf(keys), args('reserve', now, limits))) as [
        number,
        unknown[],
      ]
      return { reserved: Number(reserved) === 1, states: states.map(readState) }
    },
    async settle(keys, now, settlement, limits) {
      const states = (await run(keysOf(keys), args('settle', now, limits, settlement))) as unknown[]
      return states.map(readState)
    },
  }
}

const SCRIPT_SHA = bytesToHex(sha1(utf8ToBytes(POLICY_SCRIPT)))

/** Runs the script by its digest, loading it (with EVAL) when Redis does not have it yet. */
function runner(client: RedisClientLike): Run {
  const isNodeRedis = typeof (client as NodeRedisLike).evalSha === 'function'
  const isIoRedis = typeof (client as IoRedisLike).evalsha === 'function'
  if (!isNodeRedis && !isIoRedis)
    throw new TypeError('redisStore needs a node-redis, ioredis or iovalkey client')
  const call = (script: boolean, keys: string[], args: string[]) => {
    if (isNodeRedis) {
      const redis = client as NodeRedisLike
      const options = { keys, arguments: args }
      return script ? redis.eval(POLICY_SCRIPT, options) : redis.evalSha(SCRIPT_SHA, options)
    }
    const redis = client as IoRedisLike
    return script
      ? redis.eval(POLICY_SCRIPT, keys.length, ...keys, ...args)
      : redis.evalsha(SCRIPT_SHA, keys.length, ...keys, ...args)
  }
  return async (keys, args) => {
    try {
      return await call(false, keys, args)
    } catch (error) {
      if (!String((error as Error)?.message).includes('NOSCRIPT')) throw error
      return call(true, keys, args)
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
