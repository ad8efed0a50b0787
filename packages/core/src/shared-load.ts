// One realm has one `document`, so a module-level map is a per-document cache.
const loads = new Map<string, Promise<unknown>>()

/**
 * Runs `start` once per key and hands every caller the same promise. A failure is forgotten,
 * so the next caller starts afresh instead of inheriting a rejection forever.
 */
export function sharedLoad<T>(key: string, start: () => Promise<T>): Promise<T> {
  if (!loads.has(key)) {
    loads.set(
      key,
      start().catch((error: unknown) => {
        loads.delete(key)
        throw error
      }),
    )
  }
  return loads.get(key) as Promise<T>
}
