import { describe, expect, it } from 'vitest'
import { createManualClock } from '../src/clock'
import { createExpiringSet } from '../src/expiring-set'

describe('the consumed-token store', () => {
  it('refuses a second add of a live id and forgets it once expired', () => {
    const clock = createManualClock(0)
    const set = createExpiringSet(clock)
    expect(set.add('a', 1000)).toBe(true)
    expect(set.add('a', 1000)).toBe(false)
    expect(set.has('a')).toBe(true)
    clock.advance(1000)
    expect(set.has('a')).toBe(false)
  })

  it('stays flat over a long run: expired entries are swept as new ones arrive', () => {
    const clock = createManualClock(0)
    const set = createExpiringSet(clock)
    let largest = 0
    // 100 000 tokens over 1 000 simulated seconds, each living 10 s.
    for (let i = 0; i < 100_000; i++) {
      if (i % 100 === 0) clock.advance(1000)
      set.add(`t${i}`, clock.now() + 10_000)
      largest = Math.max(largest, set.size)
    }
    // About 10 s of tokens (1 000) live at once, plus at most one sweep interval of dead ones.
    expect(largest).toBeLessThan(1_000 + 256 + 100)
  })
})
