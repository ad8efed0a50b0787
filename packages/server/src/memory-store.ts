import type { KeyState, PolicyStore, Settlement, StoreLimits } from './policy-store'

export interface MemoryStoreOptions {
  /**
   * Keys kept at most; past it the least recently used is forgotten. Default 100,000, about
   * 30 MB at the worst (a key at `blockAfter` failures); see the README for measured figures.
   */
  maxKeys?: number
}

interface Entry {
  failures: number[]
  pending: number[]
}

/**
 * Counts in this process's memory, bounded: for one instance, and the policy's default.
 * Every step is synchronous, so it is atomic on one process; several instances need
 * `redisStore()`.
 */
export function memoryStore(options: MemoryStoreOptions = {}): PolicyStore {
  const maxKeys = options.maxKeys ?? 100_000
  // A Map keeps insertion order: re-inserting on use makes its first key the least recent.
  const entries = new Map<string, Entry>()

  const touch = (key: string, now: number, limits: StoreLimits): Entry => {
    const entry = entries.get(key) ?? { failures: [], pending: [] }
    entries.delete(key)
    drop(entry.failures, now - limits.windowMs)
    drop(entry.pending, now - limits.pendingMs)
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
      if (reserved) for (const entry of touched) entry.pending.push(now)
      forgetEmpty(keys)
      return { reserved, states }
    },
    async settle(keys, now, settlement: Settlement, limits) {
      const states = keys.map((key) => {
        const entry = touch(key, now, limits)
        entry.pending.shift()
        if (settlement === 'fail') {
          entry.failures.push(now)
          // Only the newest `blockAt` matter: the count cannot grow without bound.
          if (entry.failures.length > limits.blockAt) entry.failures.shift()
        } else if (settlement === 'clear') entry.failures.length = 0
        return stateOf(entry, limits)
      })
      forgetEmpty(keys)
      return states
    },
  }
}

/** Removes the timestamps at or before `until` (they are kept in ascending order). */
function drop(times: number[], until: number) {
  let count = 0
  while (count < times.length && times[count]! <= until) count++
  if (count) times.splice(0, count)
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
