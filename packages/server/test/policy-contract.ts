// What every PolicyStore must do, shown through createPolicy: run against memoryStore() and
// against a real Redis with each client (policy.test.ts, redis-store.test.ts).
import { describe, expect, it } from 'vitest'
import { createPolicy, type PolicyOptions, type PolicyStore, type Verdict } from '../src/index'

export const failure = (error: Verdict['error'] = 'invalid_token'): Verdict => ({
  success: false,
  error,
  provider: 'captchala',
  raw: null,
})
export const success: Verdict = { success: true, provider: 'captchala', raw: null }

/** A clock that moves only when told to. */
export function manualClock(start = 1_800_000_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => void (now += ms) }
}

export function storeContract(name: string, makeStore: () => PolicyStore | Promise<PolicyStore>) {
  describe(`${name}: the policy store contract`, () => {
    const setup = async (options: PolicyOptions = {}) => {
      const clock = manualClock()
      const store = await makeStore()
      const policy = createPolicy({ store, now: clock.now, meter: false, ...options })
      // One request: check, then record what the verification said.
      const attempt = async (
        keys: Record<string, string>,
        verdict: Verdict,
        challenged = false,
      ) => {
        const before = await policy.check(keys)
        const after = await policy.record(keys, verdict, { challenged })
        return { before, after }
      }
      return { policy, clock, attempt, store }
    }
    const ip = { ip: '203.0.113.7' }

    it('allows under challengeAfter, challenges at it, blocks at blockAfter with retryAfter', async () => {
      const { policy, attempt } = await setup()
      for (let i = 0; i < 2; i++) await attempt(ip, failure())
      expect(await policy.check(ip)).toEqual({ action: 'allow', reason: 'under_threshold' })
      await policy.record(ip, failure())
      expect(await policy.check(ip)).toEqual({ action: 'challenge', reason: 'challenge_threshold' })
      await policy.record(ip, failure())
      for (let i = 0; i < 15; i++) await attempt(ip, failure())
      // 19 failures: one more check is let through (and reserved), the next is blocked.
      expect((await policy.check(ip)).action).toBe('challenge')
      expect(await policy.check(ip)).toEqual({
        action: 'block',
        retryAfter: 60,
        reason: 'block_threshold',
      })
      expect(await policy.record(ip, failure())).toEqual({
        action: 'block',
        retryAfter: 900,
        reason: 'block_threshold',
      })
      expect(await policy.check(ip)).toMatchObject({ action: 'block', retryAfter: 900 })
    })

    it('counts only the token’s own failures: outages, rate limits and configuration never', async () => {
      const { policy, attempt } = await setup()
      for (const error of [
        'request_failed',
        'rate_limit_exceeded',
        'degraded',
        'invalid_secret',
        'not_configured',
      ] as const)
        for (let i = 0; i < 5; i++) await attempt(ip, failure(error))
      expect(await policy.check(ip)).toMatchObject({ action: 'allow' })
    })

    it('a success clears only when it answered the challenge', async () => {
      const { policy, attempt } = await setup()
      // The probe: "2 failures then 1 success" thirty times never escalated.
      let escalated = false
      for (let round = 0; round < 30 && !escalated; round++) {
        for (let i = 0; i < 2; i++) await attempt(ip, failure())
        escalated = (await attempt(ip, success)).before.action !== 'allow'
      }
      expect(escalated).toBe(true)
      expect((await attempt(ip, success)).after.action).toBe('challenge')
      expect((await attempt(ip, success, true)).after).toEqual({
        action: 'allow',
        reason: 'cleared',
      })
      expect(await policy.check(ip)).toMatchObject({ action: 'allow' })
    })

    it('racing requests cannot slip under the threshold: 20 at count 2 let one through', async () => {
      const { policy } = await setup()
      for (let i = 0; i < 2; i++) {
        await policy.check(ip)
        await policy.record(ip, failure())
      }
      const decisions = await Promise.all(Array.from({ length: 20 }, () => policy.check(ip)))
      const actions = decisions.map((decision) => decision.action)
      // 2 failures + 17 reserved attempts: the 18th and later count as 20, blockAfter.
      expect(actions.filter((action) => action === 'allow')).toHaveLength(1)
      expect(actions.filter((action) => action === 'challenge')).toHaveLength(17)
      expect(actions.filter((action) => action === 'block')).toHaveLength(2)
      // Those let through succeed, unchallenged: that clears nothing, one more failure escalates.
      await Promise.all(
        decisions.filter((d) => d.action !== 'block').map(() => policy.record(ip, success)),
      )
      await policy.check(ip)
      await policy.record(ip, failure())
      expect(await policy.check(ip)).toMatchObject({ action: 'challenge' })
    })

    it('concurrent checks on a fresh key: in-flight ones count toward challengeAfter, refusals nobody verified never count', async () => {
      const { policy } = await setup()
      const decisions = await Promise.all(Array.from({ length: 10 }, () => policy.check(ip)))
      const actions = decisions.map((decision) => decision.action)
      // At most challengeAfter (3) unverified tokens are let through at once.
      expect(actions.filter((action) => action === 'allow')).toHaveLength(3)
      expect(actions.filter((action) => action === 'challenge')).toHaveLength(7)
      // What the guard records: the three verified and valid, the seven refused unverified
      // (or valid but not the challenge's answer): `challenge_required`, not a bad token.
      await Promise.all(
        decisions.map((decision) =>
          policy.record(ip, decision.action === 'allow' ? success : failure('challenge_required')),
        ),
      )
      // Nothing failed: the client is not escalated, let alone blocked.
      expect(await policy.check(ip)).toEqual({ action: 'allow', reason: 'under_threshold' })
    })

    it('a challenge_required refusal never counts, however often: only verified bad tokens do', async () => {
      const { policy, attempt } = await setup({ challengeAfter: 2, blockAfter: 5 })
      for (let i = 0; i < 2; i++) await attempt(ip, failure())
      for (let i = 0; i < 10; i++)
        expect((await attempt(ip, failure('challenge_required'))).after.action).toBe('challenge')
      for (let i = 0; i < 3; i++) await attempt(ip, failure())
      expect(await policy.check(ip)).toMatchObject({ action: 'block', retryAfter: 900 })
    })

    it('50 concurrent failures count exactly 50', async () => {
      const { policy } = await setup({ challengeAfter: 50, blockAfter: 51 })
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          await policy.check(ip)
          await policy.record(ip, failure())
        }),
      )
      expect(await policy.check(ip)).toMatchObject({ action: 'challenge' })
      await policy.record(ip, failure())
      expect(await policy.check(ip)).toMatchObject({ action: 'block' })
    })

    it('forgets failures after the window, and a check whose record never came after pendingSeconds', async () => {
      const { policy, clock, attempt } = await setup({ windowSeconds: 60, pendingSeconds: 10 })
      for (let i = 0; i < 3; i++) await attempt(ip, failure())
      expect((await policy.check(ip)).action).toBe('challenge')
      await policy.record(ip, success)
      clock.advance(30_000)
      await attempt(ip, failure())
      clock.advance(30_001)
      // The first three aged out; the fourth is still in the window.
      expect((await policy.check(ip)).action).toBe('allow')
      await policy.check(ip)
      await policy.check(ip)
      // 1 failure + 3 unanswered checks.
      expect((await policy.check(ip)).action).toBe('challenge')
      clock.advance(10_001)
      expect((await policy.check(ip)).action).toBe('allow')
    })

    it('counts every key: an account attacked from many addresses escalates', async () => {
      const { policy, attempt } = await setup()
      for (let i = 0; i < 3; i++)
        await attempt({ ip: `198.51.100.${i}`, account: 'alice' }, failure())
      expect((await policy.check({ ip: '198.51.100.99', account: 'alice' })).action).toBe(
        'challenge',
      )
      expect((await policy.check({ ip: '198.51.100.99', account: 'bob' })).action).toBe('allow')
    })

    it('groups IPv6 by /64', async () => {
      const { policy, attempt } = await setup()
      for (let i = 1; i <= 3; i++) await attempt({ ip: `2001:db8:1:2::${i}` }, failure())
      expect((await policy.check({ ip: '2001:db8:1:2:ffff::1' })).action).toBe('challenge')
      expect((await policy.check({ ip: '2001:db8:1:3::1' })).action).toBe('allow')
    })
  })
}
