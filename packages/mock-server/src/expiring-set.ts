import type { Clock } from './clock'

/**
 * Remembers ids until they expire: consumed pass tokens and solved challenges. Expired
 * entries are swept as new ones arrive, so memory stays flat over a long run.
 */
export interface ExpiringSet {
  /** Adds `id` unless present; false when it was already there (a replay). */
  add(id: string, expiresAt: number): boolean
  has(id: string): boolean
  readonly size: number
}

const SWEEP_EVERY = 256

export function createExpiringSet(clock: Clock): ExpiringSet {
  const entries = new Map<string, number>()
  let addsSinceSweep = 0

  const sweep = () => {
    const now = clock.now()
    for (const [id, expiresAt] of entries) if (expiresAt <= now) entries.delete(id)
    addsSinceSweep = 0
  }

  return {
    add(id, expiresAt) {
      if (++addsSinceSweep >= SWEEP_EVERY) sweep()
      const known = entries.get(id)
      if (known !== undefined && known > clock.now()) return false
      entries.set(id, expiresAt)
      return true
    },
    has: (id) => (entries.get(id) ?? 0) > clock.now(),
    get size() {
      return entries.size
    },
  }
}
