// A mounted widget whose load or widget failed tries again by itself (STATE-MACHINE.md,
// "Healing"): no call, no reload. Fake timers throughout.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { healDelayMs } from './heal'
import { flush, setup, type Harness } from './test-setup'
import type { CaptchalaOptions, CaptchaStatus } from './types'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  setHidden(false)
})

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
}

/** Runs the clock in small steps until the status is `status` (or `limitMs` ran out). */
async function until(h: Harness, status: CaptchaStatus, limitMs = 120_000) {
  for (let waited = 0; h.captcha.getState().status !== status && waited < limitMs; waited += 100)
    await vi.advanceTimersByTimeAsync(100)
  return h.captcha.getState().status
}

let serverTokenWorks = false
let serverTokenCalls = 0
const getServerToken = () => {
  serverTokenCalls++
  return serverTokenWorks ? Promise.resolve('sct_ok') : Promise.reject(new Error('backend down'))
}

/** Each way a widget fails, how to cause it, and how to take the cause away. */
const FAILURES = [
  { code: 'script-load-failed', options: {}, fake: { script: 'error' as const } },
  { code: 'script-timeout', options: {}, fake: { script: 'hang' as const } },
  { code: 'ready-timeout', options: {}, fake: { init: 'hang' as const } },
  { code: 'provider-error', options: {}, fake: { init: { error: 'network_error' } } },
  { code: 'server-token-failed', options: { getServerToken }, fake: {} },
]

describe.each(['render', 'execute'] as const)('execution: %s', (execution) => {
  describe.each(FAILURES)('after $code', (failure) => {
    async function failed() {
      serverTokenWorks = false
      const h = setup(
        { execution, retry: { attempts: 1 }, ...(failure.options as Partial<CaptchalaOptions>) },
        { ...failure.fake },
      )
      const unmount = h.mount()
      expect(await until(h, 'error')).toBe('error')
      expect(h.captcha.getState().error).toMatchObject({ code: failure.code })
      return { ...h, unmount }
    }

    it('comes back by itself once the cause is gone, showing the error until then', async () => {
      const h = await failed()
      const from = h.statuses.length
      h.fake.options = {}
      serverTokenWorks = true
      expect(await until(h, 'ready', healDelayMs(0) + 100)).toBe('ready')
      expect(h.captcha.getState().error).toBeNull()
      // No flicker through `loading`: the error stays on show until the new widget is ready.
      expect(h.statuses.slice(from)).toEqual(['ready'])
      expect(h.fake.live()).toHaveLength(1)
    })

    it('keeps trying while the cause stays, never more than 30 s apart, and stays in error', async () => {
      const h = await failed()
      // An attempt asks for the script, renders a widget, or asks for a server token first.
      const renders = () => h.fake.widgets.length + h.fake.scriptRequests.length + serverTokenCalls
      const tries: number[] = []
      let seen = renders()
      const started = Date.now()
      for (let elapsed = 0; elapsed < 600_000; elapsed += 250) {
        await vi.advanceTimersByTimeAsync(250)
        if (renders() !== seen) tries.push(Date.now() - started)
        seen = renders()
        expect(h.captcha.getState().status).toBe('error')
      }
      const gaps = tries.map((at, i) => at - (tries[i - 1] ?? 0))
      // Each gap is the backoff plus the failing attempt's own bounded time (a load timeout).
      expect(tries.length).toBeGreaterThan(8)
      for (const gap of gaps) expect(gap).toBeLessThanOrEqual(30_000 + 10_250)
      expect(gaps[0]).toBeLessThanOrEqual(healDelayMs(0) + 10_250)
    })

    it('stops trying on unmount: no timer, no listener, no request', async () => {
      const add = vi.spyOn(window, 'addEventListener')
      const remove = vi.spyOn(window, 'removeEventListener')
      const h = await failed()
      const requests = h.fake.scriptRequests.length + h.fake.widgets.length
      h.unmount()
      await vi.advanceTimersByTimeAsync(600_000)
      expect(h.fake.scriptRequests.length + h.fake.widgets.length).toBe(requests)
      expect(vi.getTimerCount()).toBe(0)
      const count = (spy: typeof add, type: string) =>
        spy.mock.calls.filter(([name]) => name === type).length
      for (const type of ['online', 'visibilitychange'])
        expect(count(remove, type)).toBe(count(add, type))
    })
  })
})

describe('what makes an automatic attempt start at once', () => {
  async function failedLoad(delayFirstTry = true) {
    const h = setup({ execution: 'render', retry: { attempts: 1 } }, { script: 'error' })
    h.mount()
    await flush()
    expect(h.captcha.getState().error).toMatchObject({ code: 'script-load-failed' })
    if (delayFirstTry) {
      // Past the first backoff, so the next wait is several seconds long.
      await vi.advanceTimersByTimeAsync(healDelayMs(0))
      await vi.advanceTimersByTimeAsync(healDelayMs(1))
    }
    return h
  }

  it('the browser coming back online', async () => {
    const h = await failedLoad()
    const requests = h.fake.scriptRequests.length
    h.fake.options = {}
    window.dispatchEvent(new Event('online'))
    await flush()
    expect(h.fake.scriptRequests.length).toBe(requests + 1)
    expect(h.captcha.getState()).toMatchObject({ status: 'ready', error: null })
  })

  it('the page being shown again; a hidden page sends nothing until then', async () => {
    const h = await failedLoad()
    setHidden(true)
    const requests = h.fake.scriptRequests.length
    await vi.advanceTimersByTimeAsync(300_000)
    window.dispatchEvent(new Event('online')) // online, but nobody is looking
    await flush()
    expect(h.fake.scriptRequests.length).toBe(requests)
    h.fake.options = {}
    setHidden(false)
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    await flush()
    expect(h.fake.scriptRequests.length).toBe(requests + 1)
    expect(h.captcha.getState().status).toBe('ready')
  })

  it('a call: it starts a fresh attempt itself, and the scheduled one is cancelled', async () => {
    const h = await failedLoad(false)
    h.fake.options = {}
    const token = h.captcha.getToken()
    await expect(token).resolves.toMatch(/^pt_fake_/)
    const requests = h.fake.scriptRequests.length
    await vi.advanceTimersByTimeAsync(60_000)
    expect(h.fake.scriptRequests.length).toBe(requests)
    expect(h.fake.live()).toHaveLength(1)
  })
})

describe('the backoff', () => {
  it('is 1 s, doubling, at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(healDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ])
  })

  it('starts again from 1 s after the widget came back', async () => {
    const h = setup({ retry: { attempts: 1 } }, { script: (n) => (n < 4 ? 'error' : 'load') })
    h.mount()
    expect(await until(h, 'ready')).toBe('ready')
    // Offline mid-challenge: the working widget fails, and heals on the first short delay.
    h.fake.options = { init: { error: 'network_error' } }
    h.fake.latest().fail('network_error')
    await flush()
    expect(h.captcha.getState().status).toBe('error')
    const widgets = h.fake.widgets.length
    await vi.advanceTimersByTimeAsync(healDelayMs(0))
    expect(h.fake.widgets.length).toBe(widgets + 1)
  })
})

describe('what does not heal by itself', () => {
  it('a failed challenge: the widget still works, and is not rendered again', async () => {
    const h = setup({ execution: 'execute' }, { verify: 'fail' })
    h.mount()
    await flush()
    await expect(h.captcha.getToken()).rejects.toMatchObject({ code: 'challenge-failed' })
    await vi.advanceTimersByTimeAsync(600_000)
    expect(h.fake.widgets).toHaveLength(1)
    expect(h.captcha.getState().error).toMatchObject({ code: 'challenge-failed' })
  })

  it('nothing mounted: a failure after unmount schedules nothing', async () => {
    const h = setup({ retry: { attempts: 1 } }, { script: 'hang' })
    const unmount = h.mount()
    await flush()
    unmount()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(h.fake.scriptRequests).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
    expect(h.captcha.getState().status).toBe('idle')
  })
})
