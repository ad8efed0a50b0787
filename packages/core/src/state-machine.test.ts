// Every state × every call, as STATE-MACHINE.md writes them down: each call settles within
// the bound (or, while a person solves, when they do), leaves the documented state, and after
// a failure a call heals by itself once the cause is gone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CaptchaErrorCode } from './errors'
import { healDelayMs } from './heal'
import { flush, setup, type Harness } from './test-setup'
import type { CaptchalaOptions, CaptchaStatus } from './types'

/** With default options every call settles within this, except while a person solves. */
const BOUND_MS = 60_000

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

interface Reached {
  harness: Harness
  /** The mounted widget's teardown; absent when nothing was mounted. */
  unmount?: () => void
  /** A call already waiting in this state (solving). */
  waiting?: Promise<string>
  /** Removes the fault that put the controller here. */
  heal(): void
}

interface StateCase {
  name: string
  status: CaptchaStatus
  reach(): Promise<Reached>
  /** getToken/consume/execute with the fault still there: `token`, an error code, or `person` (waits for the solver). */
  challenge: 'token' | 'person' | CaptchaErrorCode
  /** The state a failed challenge call leaves. */
  afterFailure?: CaptchaStatus
  /** With the fault removed first (states a fault put us in). */
  healed?: boolean
  /** The state right after reset(), and after the timers ran out with the fault still there. */
  afterReset: CaptchaStatus
  /** The state after unmount(); absent when nothing is mounted. */
  afterUnmount?: CaptchaStatus
}

let serverTokenWorks = true
const getServerToken = () =>
  serverTokenWorks ? Promise.resolve('sct_ok') : Promise.reject(new Error('backend down'))

async function reach(
  options: Partial<CaptchalaOptions>,
  fakeOptions: Parameters<typeof setup>[1],
  /** Drives the controller to the state; may hand back a call left waiting there. */
  drive: (h: Harness) => Promise<{ waiting: Promise<string> } | void> = flush,
  heal: (h: Harness) => void = () => {},
  mount = true,
): Promise<Reached> {
  const harness = setup({ execution: 'execute', ...options }, fakeOptions)
  const unmount = mount ? harness.mount() : undefined
  const driven = await drive(harness)
  return {
    harness,
    ...(unmount && { unmount }),
    ...driven,
    heal: () => heal(harness),
  }
}

const healAll = ({ fake }: Harness) => {
  fake.options = {}
  serverTokenWorks = true
}
const failedAttempt = (h: Harness) => h.captcha.getToken().catch(() => {})
/** Runs the clock until the first failure, before any automatic attempt starts. */
async function untilError({ captcha }: Harness) {
  for (let waited = 0; captcha.getState().status !== 'error' && waited < BOUND_MS; waited += 100)
    await vi.advanceTimersByTimeAsync(100)
}

const STATES: StateCase[] = [
  {
    name: 'idle, nothing mounted',
    status: 'idle',
    reach: () => reach({}, {}, flush, undefined, false),
    challenge: 'not-mounted',
    afterFailure: 'idle',
    afterReset: 'idle',
  },
  {
    name: 'loading, the script hangs',
    status: 'loading',
    reach: () => reach({}, { script: 'hang' }, flush, healAll),
    challenge: 'script-timeout',
    afterFailure: 'error',
    healed: true,
    afterReset: 'loading',
    afterUnmount: 'idle',
  },
  {
    name: 'ready',
    status: 'ready',
    reach: () => reach({}, {}),
    challenge: 'token',
    afterReset: 'ready',
    afterUnmount: 'idle',
  },
  {
    name: 'solving',
    status: 'solving',
    reach: () =>
      reach({}, { verify: 'manual' }, async (h) => {
        await flush()
        const waiting = h.captcha.getToken()
        waiting.catch(() => {})
        await flush()
        return { waiting }
      }),
    challenge: 'person',
    afterReset: 'ready',
    afterUnmount: 'idle',
  },
  {
    name: 'verified',
    status: 'verified',
    reach: () => reach({}, {}, (h) => h.captcha.getToken().then(() => undefined)),
    challenge: 'token',
    afterReset: 'ready',
    // The token is the user's, not the widget's: it survives unmount and expires on time.
    afterUnmount: 'verified',
  },
  {
    name: 'expired',
    status: 'expired',
    reach: () =>
      reach({ refresh: 'never' }, {}, async (h) => {
        await h.captcha.getToken()
        await vi.advanceTimersByTimeAsync(300_000)
      }),
    challenge: 'token',
    afterReset: 'ready',
    afterUnmount: 'expired',
  },
  ...(
    [
      ['script-load-failed', { retry: { attempts: 1 } }, { script: 'error' }, flush],
      ['script-timeout', {}, { script: 'hang' }, untilError],
      ['ready-timeout', {}, { init: 'hang' }, untilError],
      ['provider-error', {}, { init: { error: 'invalid_app_key' } }, flush],
      ['challenge-failed', {}, { verify: 'fail' }, failedAttempt],
      ['server-token-failed', { getServerToken }, {}, flush],
    ] as const
  ).map(([code, options, fakeOptions, drive]): StateCase => ({
    name: `error (${code})`,
    status: 'error',
    reach: () =>
      reach(
        options,
        fakeOptions,
        async (h) => {
          if (code === 'server-token-failed') serverTokenWorks = false
          await drive(h)
        },
        healAll,
      ),
    challenge: code,
    afterFailure: 'error',
    healed: true,
    // A failed load or widget renders anew; a failed challenge leaves a working widget.
    afterReset: code === 'challenge-failed' ? 'ready' : 'loading',
    afterUnmount: 'idle',
  })),
  {
    // The widget failed to load; the automatic attempt (STATE-MACHINE.md, "Healing") is under
    // way and hangs. The error stays on show until it ends; a call joins it.
    name: 'error, an automatic attempt under way',
    status: 'error',
    reach: () =>
      reach(
        { retry: { attempts: 1 } },
        { script: (attempt) => (attempt === 0 ? 'error' : 'hang') },
        async (h) => {
          await flush()
          await vi.advanceTimersByTimeAsync(healDelayMs(0))
          expect(h.fake.scriptRequests).toHaveLength(2)
        },
      ),
    challenge: 'script-timeout',
    afterFailure: 'error',
    afterReset: 'loading',
    afterUnmount: 'idle',
  },
  {
    name: 'error (provider-error after ready: the network went away mid-challenge)',
    status: 'error',
    reach: () =>
      reach(
        {},
        { verify: 'manual' },
        async (h) => {
          await flush()
          const attempt = h.captcha.getToken().catch(() => {})
          h.fake.latest().fail('network_error')
          await attempt
          // Still offline: a new widget cannot reach the provider either.
          h.fake.options = { init: { error: 'network_error' } }
        },
        healAll,
      ),
    challenge: 'provider-error',
    afterFailure: 'error',
    healed: true,
    afterReset: 'loading',
    afterUnmount: 'idle',
  },
]

/** Advances the fake clock up to `BOUND_MS` and tells how and when `call` settled. */
interface Settled {
  token?: string
  code?: string
  afterMs: number
}

/** Advances the fake clock by `BOUND_MS`; tells how and when `call` settled, null if it did not. */
async function settle(call: () => Promise<string>): Promise<Settled | null> {
  const started = Date.now()
  const settled: Settled[] = []
  call().then(
    (token) => settled.push({ token, afterMs: Date.now() - started }),
    (error: { code: string }) => settled.push({ code: error.code, afterMs: Date.now() - started }),
  )
  await vi.advanceTimersByTimeAsync(BOUND_MS)
  return settled[0] ?? null
}

/** Window listeners added and not removed, counted from here on. */
function countWindowListeners() {
  let live = 0
  const { addEventListener, removeEventListener } = window
  const add = vi.spyOn(window, 'addEventListener').mockImplementation((...args) => {
    live++
    addEventListener.apply(window, args)
  })
  const remove = vi.spyOn(window, 'removeEventListener').mockImplementation((...args) => {
    live--
    removeEventListener.apply(window, args)
  })
  return {
    live: () => live,
    restore() {
      add.mockRestore()
      remove.mockRestore()
    },
  }
}

const CALLS = ['getToken', 'consume', 'execute'] as const

describe.each(STATES)('state: $name', (state) => {
  beforeEach(() => {
    serverTokenWorks = true
  })

  it(`is reached as ${state.status}`, async () => {
    const { harness } = await state.reach()
    expect(harness.captcha.getState().status).toBe(state.status)
  })

  describe.each(CALLS)('%s()', (call) => {
    if (state.challenge === 'person') {
      it('joins the challenge on screen and settles when the person solves it', async () => {
        const { harness } = await state.reach()
        let settled = false
        const token = harness.captcha[call]().finally(() => (settled = true))
        await vi.advanceTimersByTimeAsync(BOUND_MS)
        expect(settled).toBe(false)
        expect(harness.captcha.getState().status).toBe('solving')
        harness.fake.latest().solve('pt_by_person')
        await expect(token).resolves.toBe('pt_by_person')
        expect(harness.captcha.getState().status).toBe(call === 'consume' ? 'ready' : 'verified')
      })
      return
    }

    it(`settles within ${BOUND_MS / 1000} s with ${state.challenge}`, async () => {
      const { harness } = await state.reach()
      const outcome = await settle(() => harness.captcha[call]())
      expect(outcome).not.toBeNull()
      expect(outcome!.afterMs).toBeLessThanOrEqual(BOUND_MS)
      if (state.challenge === 'token') {
        expect(outcome!.token).toMatch(/^pt_fake_/)
        expect(harness.captcha.getState().status).toBe(call === 'consume' ? 'ready' : 'verified')
      } else {
        expect(outcome!.code).toBe(state.challenge)
        expect(harness.captcha.getState()).toMatchObject({ status: state.afterFailure })
      }
    })

    if (state.healed) {
      it('heals: with the cause gone it starts a fresh attempt and resolves', async () => {
        const { harness, heal } = await state.reach()
        heal()
        const outcome = await settle(() => harness.captcha[call]())
        expect(outcome).toMatchObject({ token: expect.stringMatching(/^pt_fake_/) })
        expect(outcome!.afterMs).toBeLessThanOrEqual(BOUND_MS)
        expect(harness.captcha.getState()).toMatchObject({
          status: call === 'consume' ? 'ready' : 'verified',
          error: null,
        })
      })
    }
  })

  it(`reset() moves to ${state.afterReset} and settles a waiting call with aborted`, async () => {
    const { harness, waiting } = await state.reach()
    harness.captcha.reset()
    expect(harness.captcha.getState()).toMatchObject({ status: state.afterReset, error: null })
    if (waiting) await expect(waiting).rejects.toMatchObject({ code: 'aborted' })
    // With the cause still there, the fresh attempt fails the same way, and not later than the bound.
    if (state.afterReset === 'loading' && state.healed) {
      await vi.advanceTimersByTimeAsync(BOUND_MS)
      expect(harness.captcha.getState()).toMatchObject({
        status: 'error',
        error: { code: state.challenge },
      })
    }
  })

  if (state.healed) {
    it('reset() with the cause gone recovers without any other call', async () => {
      const { harness, heal } = await state.reach()
      heal()
      harness.captcha.reset()
      await vi.advanceTimersByTimeAsync(BOUND_MS)
      expect(harness.captcha.getState()).toMatchObject({ status: 'ready', error: null })
    })
  }

  if (state.afterUnmount) {
    it(`unmount() moves to ${state.afterUnmount} and settles a waiting call with aborted`, async () => {
      const { harness, unmount, waiting } = await state.reach()
      unmount!()
      expect(harness.captcha.getState().status).toBe(state.afterUnmount)
      if (waiting) await expect(waiting).rejects.toMatchObject({ code: 'aborted' })
      // A call now waits for the next mount, and not forever.
      const outcome = await settle(() => harness.captcha.execute())
      expect(outcome).toMatchObject({ code: 'not-mounted' })
    })
  }

  it('destroy() settles a waiting call with destroyed and leaves no timer or listener', async () => {
    const listeners = countWindowListeners()
    try {
      const { harness, waiting } = await state.reach()
      harness.captcha.destroy()
      expect(harness.captcha.getState().status).toBe('idle')
      if (waiting) await expect(waiting).rejects.toMatchObject({ code: 'destroyed' })
      await expect(harness.captcha.getToken()).rejects.toMatchObject({ code: 'destroyed' })
      // A shared script load still in flight ends by its own timeouts; nothing outlives them.
      await vi.advanceTimersByTimeAsync(BOUND_MS)
      expect(vi.getTimerCount()).toBe(0)
      expect(listeners.live()).toBe(0)
    } finally {
      listeners.restore()
    }
  })
})
