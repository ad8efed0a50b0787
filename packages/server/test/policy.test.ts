import { describe, expect, it } from 'vitest'
import { createPolicy, memoryStore, type PolicyStore } from '../src/index'
import { storeKeys } from '../src/policy-keys'
import { registerMetricsSdk } from './otel'
import { onceContract } from './once-contract'
import { failure, manualClock, storeContract } from './policy-contract'

storeContract('memoryStore', () => memoryStore())
onceContract('memoryStore', () => memoryStore())

describe('createPolicy', () => {
  const ip = { ip: '192.0.2.1' }

  it('fails closed when the store throws or hangs, within storeTimeoutMs, and never rejects', async () => {
    const broken: PolicyStore = {
      reserve: async () => Promise.reject(new Error('down')),
      settle: () => {
        throw new Error('sync throw')
      },
    }
    const hanging: PolicyStore = {
      reserve: () => new Promise(() => {}),
      settle: () => new Promise(() => {}),
    }
    const policy = createPolicy({ store: broken, meter: false })
    expect(await policy.check(ip)).toEqual({ action: 'challenge', reason: 'store_error' })
    expect(await policy.record(ip, failure())).toEqual({
      action: 'challenge',
      reason: 'store_error',
    })
    const slow = createPolicy({
      store: hanging,
      storeTimeoutMs: 20,
      onStoreError: 'block',
      meter: false,
    })
    const started = Date.now()
    expect(await slow.check(ip)).toEqual({ action: 'block', reason: 'store_timeout' })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('counts a request with no key under one shared unknown-client key, never letting it through uncounted', async () => {
    const policy = createPolicy({ meter: false, now: manualClock().now })
    // A clientIp that answers null (no socket, no trusted header) must not switch it off.
    for (let i = 0; i < 3; i++) {
      expect((await policy.check({ ip: null })).action).toBe('allow')
      await policy.record({ ip: null }, failure())
    }
    // Every request with no key shares that count, whatever its keys were called.
    for (const keys of [{ ip: null }, {}, { ip: '', account: undefined }, { account: '\u200b' }])
      expect(await policy.check(keys)).toEqual({
        action: 'challenge',
        reason: 'challenge_threshold',
      })
    // A request with a key counts against that key alone.
    expect((await policy.check({ ip: '192.0.2.1' })).action).toBe('allow')
    expect((await policy.check({ account: 'alice' })).action).toBe('allow')
  })

  it('counts an ip key without an address under the unknown-client key too, beside the others', async () => {
    const policy = createPolicy({ meter: false, now: manualClock().now })
    // Spraying accounts from requests whose address nobody knows: each account is fresh, but
    // the missing address is one shared count.
    for (let i = 0; i < 3; i++) {
      const keys = { ip: null, account: `user${i}@example.com` }
      expect((await policy.check(keys)).action).toBe('allow')
      await policy.record(keys, failure())
    }
    expect((await policy.check({ ip: null, account: 'user9@example.com' })).action).toBe(
      'challenge',
    )
    // An address, or a route that does not count by ip at all, is not that count.
    expect((await policy.check({ ip: '192.0.2.1', account: 'user9@example.com' })).action).toBe(
      'allow',
    )
    expect((await policy.check({ account: 'user8@example.com' })).action).toBe('allow')
  })

  it('keeps at most maxKeys, forgetting the least recently used', async () => {
    const clock = manualClock()
    const store = memoryStore({ maxKeys: 2 })
    const policy = createPolicy({ store, now: clock.now, meter: false, challengeAfter: 1 })
    for (const address of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      await policy.check({ ip: address })
      await policy.record({ ip: address }, failure())
    }
    expect((await policy.check({ ip: '192.0.2.1' })).action).toBe('allow')
    expect((await policy.check({ ip: '192.0.2.3' })).action).toBe('challenge')
  })

  describe('account keys are normalized before hashing', () => {
    const victim = 'victim@example.com'
    const variants: [string, string][] = [
      ['upper case', 'Victim@example.com'],
      ['a leading space', ' victim@example.com'],
      ['a trailing tab and newline', 'victim@example.com\t\n'],
      ['an upper-case domain', 'victim@EXAMPLE.com'],
      ['a trailing zero-width space (U+200B)', 'victim@example.com\u200b'],
      ['a zero-width joiner inside (U+200D)', 'vic\u200dtim@example.com'],
      ['a word joiner (U+2060)', 'victim\u2060@example.com'],
      ['a byte-order mark (U+FEFF)', '\ufeffvictim@example.com'],
      ['a soft hyphen (U+00AD)', 'vic\u00adtim@example.com'],
      ['a fullwidth letter (U+FF56)', '\uff56ictim@example.com'],
      ['a fullwidth, upper-case address', '\uff36\uff29\uff23\uff34\uff29\uff2d\uff20example.com'],
      ['a fullwidth at sign (U+FF20)', 'victim\uff20example.com'],
    ]
    it.each(variants)('%s counts against the same account', async (_, variant) => {
      const policy = createPolicy({ meter: false, now: manualClock().now })
      for (let i = 0; i < 3; i++) {
        await policy.check({ account: victim })
        await policy.record({ account: victim }, failure())
      }
      expect(await policy.check({ account: variant })).toMatchObject({ action: 'challenge' })
      expect(storeKeys({ account: variant }, 64)).toEqual(storeKeys({ account: victim }, 64))
    })

    it('keeps different accounts apart, and an account that normalizes to nothing is absent', () => {
      expect(storeKeys({ account: 'victim@example.com' }, 64)).not.toEqual(
        storeKeys({ account: 'victim2@example.com' }, 64),
      )
      expect(storeKeys({ account: ' \u200b\ufeff ' }, 64)).toEqual(storeKeys({}, 64))
    })
  })

  it('stores no address or account, only fixed-size digests', () => {
    const keys = storeKeys({ ip: '2001:db8::1', account: 'alice@example.com' }, 64)
    expect(keys).toHaveLength(2)
    for (const key of keys) expect(key).toMatch(/^(account|ip):[0-9a-f]{32}$/)
    expect(storeKeys({ ip: '2001:db8::1' }, 64)).toEqual(
      storeKeys({ ip: '2001:db8:0:0:ffff::9' }, 64),
    )
    expect(storeKeys({ ip: '::ffff:192.0.2.1' }, 64)).toEqual(storeKeys({ ip: '192.0.2.1' }, 64))
  })

  it('counts its check decisions as passline.policy.decisions', async () => {
    const sdk = registerMetricsSdk()
    try {
      const policy = createPolicy({ challengeAfter: 1 })
      await policy.check(ip)
      await policy.record(ip, failure())
      await policy.check(ip)
      const points = (await sdk.points('passline.policy.decisions')).map((p) => [
        p.attributes,
        p.value,
      ])
      expect(points).toEqual(
        expect.arrayContaining([
          [{ decision: 'allow', reason: 'under_threshold' }, 1],
          [{ decision: 'challenge', reason: 'challenge_threshold' }, 1],
        ]),
      )
    } finally {
      await sdk.stop()
    }
  })
})

describe('memoryStore: used solutions', () => {
  it('refuses to record more than maxKeys live ones rather than forget one early', async () => {
    const store = memoryStore({ maxKeys: 2 })
    const now = 1_000
    expect(await store.setIfAbsent!('a', now, 100)).toBe(true)
    expect(await store.setIfAbsent!('b', now, 100)).toBe(true)
    await expect(store.setIfAbsent!('c', now, 100)).rejects.toThrow(/2 used solutions/)
    // `a` is still refused: it was not forgotten to make room.
    expect(await store.setIfAbsent!('a', now + 50, 100)).toBe(false)
    // Once they lapse, there is room again.
    expect(await store.setIfAbsent!('c', now + 100, 100)).toBe(true)
  })
})
