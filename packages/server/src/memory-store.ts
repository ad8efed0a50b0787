import type { KeyState, PolicyStore, Settlement, StoreLimits } from './policy-store'

export interface MemoryStoreOptions {
  /**
   * Keys kept at most; past it the least recently used is forgotten. Default 100,000: about
   * 24 MB with one failure each, 70 MB at twenty (measured, see the README). Used solutions
   * (`setIfAbsent`) are bounded apart by the same number, and never forgotten before they lapse.
   */
  maxKeys?: number
}

/** Timestamps, ascending; replaced rather than grown, so each is exactly as long as it holds. */
interface Entry {
  failures: readonly number[]
  pending: readonly number[]
}

const NONE: readonly number[] = Object.freeze([])

/**
 * Counts in this process's memory, bounded: for one instance, and the policy's default.
 * Every step is synchronous, so it is atomic on one process; several instances need
 * `redisStore()`.
 */
export function memoryStore(options: MemoryStoreOptions = {}): PolicyStore {
  const maxKeys = options.maxKeys ?? 100_000
  // A Map keeps insertion order: re-inserting on use makes its first key the least recent.
  const entries = new Map<string, Entry>()
  // Used solutions, each with when it lapses.
  const used = new Map<string, number>()

  const touch = (key: string, now: number, limits: StoreLimits): Entry => {
    const entry = entries.get(key) ?? { failures: NONE, pending: NONE }
    entries.delete(key)
    entry.failures = after(entry.failures, now - limits.windowMs)
    entry.pending = after(entry.pending, now - limits.pendingMs)
    entries.set(key, entry)
    return entry
  }
  const forgetEmpty = (keys: readonly string[]) => {
    for (const key of keys) {
      const entry = entries.get(key)
      if (entry && !entry.failures.length && !entry.pending.length) entries.delete(key)
    }
    while (entries.size > maxKeys) entries.delete(entries.keys().next().value!)
  }

  return {
    async reserve(keys, now, limits) {
      const touched = keys.map((key) => touch(key, now, limits))
      const states = touched.map((entry) => stateOf(entry, limits))
      const reserved = states.every((state) => state.failures + state.pending < limits.blockAt)
      if (reserved) for (const entry of touched) entry.pending = [...entry.pending, now]
      forgetEmpty(keys)
      return { reserved, states }
    },
    async settle(keys, now, settlement: Settlement, limits) {
      const states = keys.map((key) => {
        const entry = touch(key, now, limits)
        entry.pending = entry.pending.length > 1 ? entry.pending.slice(1) : NONE
        if (settlement === 'fail') {
          // Only the newest `blockAt` matter: the count cannot grow without bound.
          entry.failures = [...entry.failures, now].slice(-limits.blockAt)
        } else if (settlement === 'clear') entry.failures = NONE
        return stateOf(entry, limits)
      })
      forgetEmpty(keys)
      return states
    },
    async setIfAbsent(key, now, ttlMs) {
      const lapses = used.get(key)
      if (lapses !== undefined && lapses > now) return false
      used.delete(key)
      // The oldest first: with one lifetime per kind of solution, they also lapse first.
      for (const [k, at] of used) {
        if (at > now) break
        used.delete(k)
      }
      if (used.size >= maxKeys) for (const [k, at] of used) if (at <= now) used.delete(k)
      // Forgetting a solution that has not lapsed would let it be used again: refuse instead.
      if (used.size >= maxKeys) throw new Error(`memoryStore: ${maxKeys} used solutions held`)
      used.set(key, now + ttlMs)
      return true
    },
  }
}

/** The timestamps after `until` (they are in ascending order). */
function after(times: readonly number[], until: number): readonly number[] {
  let count = 0
  while (count < times.length && times[count]! <= until) count++
  return count === 0 ? times : count === times.length ? NONE : times.slice(count)
}

function stateOf(entry: Entry, limits: StoreLimits): KeyState {
  const failures = entry.failures.length
  const pending = entry.pending.length
  const lapses =
    failures + pending >= limits.blockAt
      ? [
          ...entry.failures.map((at) => at + limits.windowMs),
          ...entry.pending.map((at) => at + limits.pendingMs),
        ].sort((a, b) => a - b)
      : []
  return { failures, pending, lapses }
}
