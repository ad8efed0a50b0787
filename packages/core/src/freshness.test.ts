import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flush, setup } from './test-setup'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('token freshness', () => {
  it('refreshes an invisible token before it expires, staying verified with the old one meanwhile', async () => {
    const { captcha, fake, statuses, mount } = setup(
      { execution: 'execute' },
      { tokenTtlSeconds: 100, verify: 'manual' },
    )
    const expired = vi.fn()
    captcha.on('expire', expired)
    mount()
    await flush()
    const first = captcha.getToken()
    fake.latest().solve('pt_first')
    await first
    expect(captcha.getState().expiresAt).toBe(Date.now() + 100_000)
    // Default margin: 30 s, but at most a fifth of 100 s.
    await vi.advanceTimersByTimeAsync(79_999)
    expect(fake.latest().verifyCalls).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.latest().verifyCalls).toBe(2)
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_first' })
    fake.latest().solve('pt_second')
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_second' })
    expect(expired).not.toHaveBeenCalled()
    expect(statuses.filter((s) => s !== 'verified').at(-1)).toBe('solving')
    expect(statuses.slice(statuses.indexOf('verified'))).toEqual(['verified', 'verified'])
  })

  it('uses refreshMarginMs and tokenTtlMs from the options', async () => {
    const { captcha, fake, mount } = setup(
      { execution: 'execute', tokenTtlMs: 60_000, refreshMarginMs: 10_000 },
      { tokenTtlSeconds: 999 },
    )
    mount()
    await captcha.getToken()
    expect(captcha.getState().expiresAt).toBe(Date.now() + 60_000)
    await vi.advanceTimersByTimeAsync(49_999)
    expect(fake.latest().verifyCalls).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.latest().verifyCalls).toBe(2)
  })

  it('in render mode resets the widget before asking it to verify again', async () => {
    const { captcha, fake, mount } = setup({}, { tokenTtlSeconds: 100, verify: 'manual' })
    mount()
    await flush()
    fake.latest().solve('pt_user')
    await vi.advanceTimersByTimeAsync(80_000)
    expect(fake.latest()).toMatchObject({ resetCalls: 1, verifyCalls: 1 })
    expect(captcha.getState().token).toBe('pt_user')
  })

  it('with refresh "manual" marks the token expired, emits expire and resets the widget', async () => {
    const { captcha, fake, mount } = setup(
      { refresh: 'manual' },
      { tokenTtlSeconds: 100, verify: 'manual' },
    )
    const expired = vi.fn()
    captcha.on('expire', expired)
    mount()
    await flush()
    fake.latest().solve()
    await vi.advanceTimersByTimeAsync(99_999)
    expect(captcha.getState().status).toBe('verified')
    expect(fake.latest().verifyCalls).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(captcha.getState()).toEqual({
      status: 'expired',
      token: null,
      expiresAt: null,
      error: null,
    })
    expect(expired).toHaveBeenCalledOnce()
    expect(fake.latest().resetCalls).toBe(1)
  })

  it('with refresh "never" marks the token expired and leaves the widget alone', async () => {
    const { captcha, fake, mount } = setup(
      { refresh: 'never' },
      { tokenTtlSeconds: 10, verify: 'manual' },
    )
    mount()
    await flush()
    fake.latest().solve()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(captcha.getState().status).toBe('expired')
    expect(fake.latest()).toMatchObject({ resetCalls: 0, verifyCalls: 0 })
  })

  it('catches a tab that slept past expiry as soon as it is visible again', async () => {
    const { captcha, fake, mount } = setup(
      { refresh: 'manual' },
      { tokenTtlSeconds: 100, verify: 'manual' },
    )
    mount()
    await flush()
    fake.latest().solve()
    // The clock moves on while throttled timers have not fired.
    vi.setSystemTime(Date.now() + 150_000)
    expect(captcha.getState().status).toBe('verified')
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    expect(captcha.getState().status).toBe('expired')
  })

  it('starts a refresh on wake when the refresh moment passed while the tab slept', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' }, { tokenTtlSeconds: 100 })
    mount()
    await captcha.getToken()
    vi.setSystemTime(Date.now() + 90_000)
    window.dispatchEvent(new Event('focus'))
    await flush()
    expect(fake.latest().verifyCalls).toBe(2)
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_fake_2' })
  })

  it('runs a new challenge after expiry in auto mode when the refresh did not finish', async () => {
    const { captcha, mount } = setup({ execution: 'execute' }, { tokenTtlSeconds: 100 })
    mount()
    await captcha.getToken()
    vi.setSystemTime(Date.now() + 200_000)
    window.dispatchEvent(new Event('pageshow'))
    expect(captcha.getState().status).toBe('expired')
    await flush()
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_fake_2' })
  })

  it('drops the token and moves to error when a background refresh fails', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' }, { tokenTtlSeconds: 100 })
    mount()
    await captcha.getToken()
    fake.options.verify = 'fail'
    await vi.advanceTimersByTimeAsync(80_000)
    expect(captcha.getState()).toMatchObject({
      status: 'error',
      token: null,
      error: { code: 'challenge-failed' },
    })
  })

  it('keeps a verified token through unmount and still expires it on time', async () => {
    const { captcha, fake, mount } = setup({}, { tokenTtlSeconds: 100, verify: 'manual' })
    const unmount = mount()
    await flush()
    fake.latest().solve('pt_kept')
    unmount()
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_kept' })
    await vi.advanceTimersByTimeAsync(80_000)
    expect(fake.widgets).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(captcha.getState().status).toBe('expired')
  })

  it('leaves no timers and no listeners after destroy', async () => {
    const added = new Map<string, number>()
    const count = (target: EventTarget) => {
      const add = target.addEventListener.bind(target)
      const remove = target.removeEventListener.bind(target)
      vi.spyOn(target, 'addEventListener').mockImplementation((type, ...rest) => {
        added.set(type, (added.get(type) ?? 0) + 1)
        add(type, ...rest)
      })
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, ...rest) => {
        added.set(type, (added.get(type) ?? 0) - 1)
        remove(type, ...rest)
      })
    }
    count(window)
    count(document)
    const { captcha, mount } = setup({ execution: 'execute' }, { tokenTtlSeconds: 100 })
    mount()
    await captcha.getToken()
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    expect([...added.values()].some((n) => n > 0)).toBe(true)
    captcha.destroy()
    expect(vi.getTimerCount()).toBe(0)
    expect([...added.values()].every((n) => n === 0)).toBe(true)
    expect(captcha.getState()).toEqual({
      status: 'idle',
      token: null,
      expiresAt: null,
      error: null,
    })
  })
})
