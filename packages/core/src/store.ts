export interface Store<T extends object> {
  get(): T
  /** Merges `patch`; a patch that changes nothing keeps the same snapshot and notifies nobody. */
  set(patch: Partial<T>): void
  subscribe(listener: (value: T) => void): () => void
  clear(): void
}

/** A minimal observable value whose snapshots are frozen and reference-stable. */
export function createStore<T extends object>(initial: T): Store<T> {
  let value: T = Object.freeze({ ...initial })
  const listeners = new Set<(value: T) => void>()

  return {
    get: () => value,
    set(patch) {
      const changed = (Object.keys(patch) as (keyof T)[]).some((key) => !Object.is(patch[key], value[key]))
      if (!changed) return
      value = Object.freeze({ ...value, ...patch })
      for (const listener of [...listeners]) listener(value)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    clear: () => listeners.clear(),
  }
}
