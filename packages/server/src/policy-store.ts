/** What a store is told to keep per key. */
export interface StoreLimits {
  /** Failures older than this are forgotten: the sliding window. */
  windowMs: number
  /** A reservation (a `check` not yet followed by its `record`) lapses after this. */
  pendingMs: number
  /** At this count (failures + reservations) a key is blocked: nothing more is reserved. */
  blockAt: number
}

/** One key's count after a store step. */
export interface KeyState {
  failures: number
  /** Checks still waiting for their record. */
  pending: number
  /** When the count reaches `blockAt`: the epoch ms at which each entry lapses, ascending. */
  lapses: number[]
}

export type Settlement = 'fail' | 'clear' | 'keep'

/**
 * Where an escalation policy keeps its counts, and where the self-hosted providers (ALTCHA,
 * Cap) record the solutions already used. Each method is one atomic step over every key it is
 * given, so that concurrent requests, on one process or many, see each other's counts.
 * `memoryStore()` and `redisStore()` implement it; the contract tests show what another must do.
 */
export interface PolicyStore {
  /**
   * Forgets what lapsed; then, unless a key has reached `blockAt`, reserves one attempt on
   * every key (so racing requests count before they are verified). Returns each key's state
   * before the reservation.
   */
  reserve(
    keys: readonly string[],
    now: number,
    limits: StoreLimits,
  ): Promise<{ reserved: boolean; states: KeyState[] }>
  /**
   * Forgets what lapsed, releases one reservation per key, then adds a failure (`fail`),
   * forgets the failures (`clear`) or does nothing more (`keep`). Returns the states after.
   */
  settle(
    keys: readonly string[],
    now: number,
    settlement: Settlement,
    limits: StoreLimits,
  ): Promise<KeyState[]>
  /**
   * Records `key` for `ttlMs` unless it is recorded already, in one atomic step: true when this
   * call recorded it (a first use), false when it was there. What makes an ALTCHA or Cap
   * solution single use across instances. A store of your own needs it only for those two.
   */
  setIfAbsent?(key: string, now: number, ttlMs: number): Promise<boolean>
}
