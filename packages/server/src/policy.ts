import { memoryStore } from './memory-store'
import { instruments, type MetricsOption } from './metrics'
import { storeKeys, UNKNOWN_CLIENT, type PolicyKeys } from './policy-keys'
import type { KeyState, PolicyStore, Settlement, StoreLimits } from './policy-store'
import type { Verdict } from './verdict'
import { VERIFY_ERRORS } from './verify-errors'

/**
 * Why a decision was made:
 * - `under_threshold`: fewer failures than `challengeAfter` (allow)
 * - `challenge_threshold`: `challengeAfter` reached (challenge)
 * - `block_threshold`: `blockAfter` reached (block, with `retryAfter`)
 * - `cleared`: a challenged success forgot the failures (allow; from `record`)
 * - `store_error`, `store_timeout`: the store failed or was slower than `storeTimeoutMs`
 *   (`onStoreError`, `challenge` by default)
 */
export const DECISION_REASONS = [
  'under_threshold',
  'challenge_threshold',
  'block_threshold',
  'cleared',
  'store_error',
  'store_timeout',
] as const

export type DecisionReason = (typeof DECISION_REASONS)[number]

export interface Decision {
  /** `allow`: verify as usual; `challenge`: require the stricter challenge; `block`: refuse. */
  action: 'allow' | 'challenge' | 'block'
  /** With `block`: seconds until the client may try again. */
  retryAfter?: number
  reason: DecisionReason
}

export interface PolicyOptions {
  /** Default `memoryStore()`: this process only. `redisStore(client)` for many instances. */
  store?: PolicyStore
  /**
   * Failures in the window, with the checks still in flight (not yet recorded), that make the
   * next request a challenge: at most this many unverified tokens reach the provider. Default 3.
   */
  challengeAfter?: number
  /**
   * Failures in the window, with the checks still in flight, that block the client until
   * they age out (or, for in-flight checks, are recorded). Default 20.
   */
  blockAfter?: number
  /** The sliding window. Default 900 s (15 minutes). */
  windowSeconds?: number
  /** What to decide when the store fails or is slow. Default `challenge`: fail closed. */
  onStoreError?: Decision['action']
  /** A store step slower than this is a `store_timeout`. Default 250 ms. */
  storeTimeoutMs?: number
  /** A check whose record never comes stops counting after this. Default 60 s. */
  pendingSeconds?: number
  /** How many leading bits of an IPv6 `ip` key make one client. Default 64. */
  ipv6Prefix?: number
  /** Time source, epoch ms; inject one in tests. Default `Date.now`. */
  now?: () => number
  /** Metrics: unset records on OpenTelemetry's global meter provider; a meter, on it; `false`, none. */
  meter?: MetricsOption
}

export interface RecordOptions {
  /** The token answered the stricter challenge this policy asked for: a success forgets the failures. */
  challenged?: boolean
}

export interface Policy {
  /**
   * Before verifying: `allow`, `challenge` or `block`. An `allow` or `challenge` reserves an
   * attempt on every key (released by `record`), so racing requests cannot all slip under a
   * threshold; follow each with exactly one `record`. Never rejects.
   */
  check(keys: PolicyKeys): Promise<Decision>
  /**
   * After verifying: a token failure (`VERIFY_ERRORS` kind `token`) counts, except
   * `challenge_required` (a refusal, not a bad token); outages, rate limits and configuration
   * errors never do; a success forgets the failures only when `challenged`. Releases the
   * check's reservation either way. Returns the decision for the client's next request. Never
   * rejects.
   */
  record(keys: PolicyKeys, verdict: Verdict, options?: RecordOptions): Promise<Decision>
}

/** The escalation policy: counts token failures per key and decides before each verification. */
export function createPolicy(options: PolicyOptions = {}): Policy {
  const store = options.store ?? memoryStore()
  const challengeAfter = options.challengeAfter ?? 3
  const limits: StoreLimits = {
    windowMs: (options.windowSeconds ?? 900) * 1000,
    pendingMs: (options.pendingSeconds ?? 60) * 1000,
    blockAt: options.blockAfter ?? 20,
  }
  const onStoreError = options.onStoreError ?? 'challenge'
  const timeoutMs = options.storeTimeoutMs ?? 250
  const now = options.now ?? Date.now
  const ipv6Prefix = options.ipv6Prefix ?? 64
  // A missing address is no way around the policy: an `ip` key without one (a clientIp that
  // found none), like a request with no key at all, counts under one shared key, so all such
  // requests escalate together (beside their other keys: spraying accounts does not help).
  const keysOf = (keys: PolicyKeys) => {
    const names = storeKeys(keys, ipv6Prefix)
    const ipUnknown = 'ip' in keys && !names.some((name) => name.startsWith('ip:'))
    return names.length && !ipUnknown ? names : [...names, UNKNOWN_CLIENT]
  }

  const decide = (states: KeyState[], at: number): Decision => {
    const total = Math.max(...states.map((state) => state.failures + state.pending))
    if (total >= limits.blockAt) {
      const blocking = states.find((state) => state.failures + state.pending === total)!
      const lapse = blocking.lapses[total - limits.blockAt] ?? at + limits.windowMs
      return {
        action: 'block',
        retryAfter: Math.max(1, Math.ceil((lapse - at) / 1000)),
        reason: 'block_threshold',
      }
    }
    if (total >= challengeAfter) return { action: 'challenge', reason: 'challenge_threshold' }
    return { action: 'allow', reason: 'under_threshold' }
  }

  /** A store step that fails, hangs or throws becomes the fail-closed decision. */
  const guarded = async (step: () => Promise<Decision>): Promise<Decision> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<Decision>((resolve) => {
      timer = setTimeout(
        () => resolve({ action: onStoreError, reason: 'store_timeout' }),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([
        step().catch((): Decision => ({ action: onStoreError, reason: 'store_error' })),
        timeout,
      ])
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    async check(keys) {
      const names = keysOf(keys)
      const decision = await guarded(async () => {
        const at = now()
        const { reserved, states } = await store.reserve(names, at, limits)
        const decided = decide(states, at)
        // Another request reached the block between reading and reserving cannot happen
        // (one atomic step), but a store may refuse for its own reasons: never allow then.
        return reserved || decided.action === 'block'
          ? decided
          : {
              action: 'block',
              retryAfter: Math.ceil(limits.windowMs / 1000),
              reason: 'block_threshold',
            }
      })
      await count(decision, options.meter)
      return decision
    },

    async record(keys, verdict, recordOptions = {}) {
      const names = keysOf(keys)
      const settlement: Settlement = verdict.success
        ? recordOptions.challenged
          ? 'clear'
          : 'keep'
        : counts(verdict.error)
          ? 'fail'
          : 'keep'
      return guarded(async () => {
        const at = now()
        const decision = decide(await store.settle(names, at, settlement, limits), at)
        return settlement === 'clear' && decision.action === 'allow'
          ? { action: 'allow', reason: 'cleared' }
          : decision
      })
    },
  }
}

/**
 * Whether a failed verdict is the token's own failure. `challenge_required` is not: it is this
 * policy's own refusal (the guard answers it without verifying anything, or for a valid token
 * that was not the challenge's answer), so counting it would let requests that merely raced,
 * or a client that never sent a bad token, escalate themselves into a block.
 */
function counts(error: Verdict['error']): boolean {
  return !!error && error !== 'challenge_required' && VERIFY_ERRORS[error] === 'token'
}

async function count(decision: Decision, meter: MetricsOption) {
  const recorder = await instruments(meter)
  try {
    recorder?.decisions.add(1, { decision: decision.action, reason: decision.reason })
  } catch {
    // A broken metrics SDK must not fail a decision.
  }
}
