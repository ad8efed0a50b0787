// What a PolicyStore's setIfAbsent must do for ALTCHA's and Cap's single use: run against
// memoryStore() and against a real Redis with each client (policy.test.ts, redis-store.test.ts).
import { describe, expect, it } from 'vitest'
import type { PolicyStore } from '../src/index'

let keys = 0
const freshKey = () => `once-contract:${process.pid}:${++keys}`

export function onceContract(name: string, makeStore: () => PolicyStore | Promise<PolicyStore>) {
  describe(`${name}: setIfAbsent, a solution used once`, () => {
    it('records a key once: true the first time, false while it lasts, per key', async () => {
      const store = await makeStore()
      const key = freshKey()
      const now = Date.now()
      expect(await store.setIfAbsent!(key, now, 60_000)).toBe(true)
      expect(await store.setIfAbsent!(key, now + 1, 60_000)).toBe(false)
      expect(await store.setIfAbsent!(`${key}:other`, now + 1, 60_000)).toBe(true)
    })

    it('of fifty concurrent attempts on one key, exactly one records it', async () => {
      const store = await makeStore()
      const key = freshKey()
      const now = Date.now()
      const results = await Promise.all(
        Array.from({ length: 50 }, () => store.setIfAbsent!(key, now, 60_000)),
      )
      expect(results.filter(Boolean)).toHaveLength(1)
    })

    it('forgets a key once its lifetime is over', async () => {
      const store = await makeStore()
      const key = freshKey()
      const now = Date.now()
      expect(await store.setIfAbsent!(key, now, 40)).toBe(true)
      // A real wait: Redis lapses keys by its own clock.
      await new Promise((resolve) => setTimeout(resolve, 80))
      expect(await store.setIfAbsent!(key, now + 80, 40)).toBe(true)
    })
  })
}
