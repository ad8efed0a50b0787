// STATE-MACHINE.md, "How long a call can wait": the longest path a call can take with default
// options, each step ending just before its limit, still settles within 60 s. The steps are
// the wait for a mount, the adapter's chunk, the script's tries, CaptchaLa's SDK step and the
// wait for ready; the sum uses the defaults the code has, so raising one is caught here.
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { createController, DEFAULT_MOUNT_TIMEOUT_MS, DEFAULT_READY_TIMEOUT_MS } from './controller'
import {
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_LOAD_TIMEOUT_MS,
  DEFAULT_SCRIPT_ATTEMPTS,
} from './load-script'
import type { CaptchalaWindow } from './providers/captchala-sdk'
import * as captchalaAdapter from './providers/captchala'
import { providersOf } from './providers/providers-of'

const BOUND_MS = 60_000
/** How long before its limit each step ends. */
const JUST_IN_TIME = 1

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  vi.useRealTimers()
  document.head.innerHTML = ''
  delete (window as CaptchalaWindow).loadCaptchala
  delete (window as CaptchalaWindow).Captchala
})

/**
 * CaptchaLa as slow as it may be: every script try but the last hangs, the last loads just in
 * time, `loadCaptchala` answers just in time, and its widgets never report ready.
 */
function slowestCaptchala(loadTimeoutMs: number, tries: number) {
  const win = window as CaptchalaWindow
  const widget: object = new Proxy({}, { get: () => () => widget })
  let requests = 0
  const observer = new MutationObserver(() => {
    for (const tag of document.head.querySelectorAll<HTMLScriptElement>(
      'script:not([data-seen])',
    )) {
      tag.dataset['seen'] = ''
      if (++requests < tries) continue
      setTimeout(() => {
        win.loadCaptchala = (onLoaded) =>
          setTimeout(() => {
            win.Captchala = { init: () => widget as never }
            onLoaded()
          }, loadTimeoutMs - JUST_IN_TIME)
        tag.dispatchEvent(new Event('load'))
      }, loadTimeoutMs - JUST_IN_TIME)
    }
  })
  observer.observe(document.head, { childList: true })
  return { requests: () => requests, stop: () => observer.disconnect() }
}

it('with default options, the longest wait (nothing mounted, then every load step late, then no ready) ends within 60 s', async () => {
  const load = DEFAULT_LOAD_TIMEOUT_MS
  const tries = DEFAULT_SCRIPT_ATTEMPTS
  const steps = {
    mount: DEFAULT_MOUNT_TIMEOUT_MS - JUST_IN_TIME,
    chunk: load - JUST_IN_TIME,
    script: tries * load - JUST_IN_TIME + DEFAULT_BASE_DELAY_MS * (2 ** (tries - 1) - 1),
    sdk: load - JUST_IN_TIME,
    ready: DEFAULT_READY_TIMEOUT_MS,
  }
  const longest = Object.values(steps).reduce((sum, step) => sum + step)
  expect(longest).toBeLessThanOrEqual(BOUND_MS)

  let releaseChunk!: () => void
  const chunkArrives = new Promise<void>((resolve) => (releaseChunk = resolve))
  const sdk = slowestCaptchala(load, tries)
  // The registry's own chunk step (`providersOf`), with a chunk that arrives when released.
  const captcha = createController(
    {
      siteKey: 'test_pass',
      scriptUrl: 'https://bound.test/captchala-loader.js',
      execution: 'execute',
    },
    providersOf({ captchala: () => chunkArrives.then(() => captchalaAdapter) }),
  )
  const started = Date.now()
  let settled: { code: string; afterMs: number } | undefined
  captcha.getToken().catch((error: { code: string }) => {
    settled = { code: error.code, afterMs: Date.now() - started }
  })

  await vi.advanceTimersByTimeAsync(steps.mount)
  captcha.mount(document.body.appendChild(document.createElement('div')))
  await vi.advanceTimersByTimeAsync(steps.chunk)
  releaseChunk()
  await vi.advanceTimersByTimeAsync(BOUND_MS - (Date.now() - started))

  expect(sdk.requests()).toBe(tries)
  expect(settled).toEqual({ code: 'ready-timeout', afterMs: longest })
  sdk.stop()
  captcha.destroy()
})
