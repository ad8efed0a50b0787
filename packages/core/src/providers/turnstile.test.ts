import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flush } from '../test-setup'
import type { TurnstileOptions } from '../types'
import { setupProvider } from './provider-harness'
// Imported up front, so the registry's dynamic import resolves within a flush under fake timers.
import './turnstile'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const setup = (options: Partial<TurnstileOptions> = {}) =>
  setupProvider('turnstile', {
    provider: 'turnstile',
    siteKey: '1x00000000000000000000AA',
    ...options,
  })

describe('Turnstile adapter', () => {
  it('loads the script explicitly with its own onload callback and maps the options', async () => {
    const { fake, container, ready } = setup({
      action: 'login',
      cData: 'user-7',
      theme: 'dark',
      language: 'de',
      size: 'compact',
    })
    const widget = await ready()
    expect(fake.scripts).toHaveLength(1)
    const params = fake.scripts[0]!.searchParams
    expect(params.get('render')).toBe('explicit')
    expect(params.get('onload')).toMatch(/^__passlineOnload\d+$/)
    expect(widget.params).toMatchObject({
      sitekey: '1x00000000000000000000AA',
      action: 'login',
      cData: 'user-7',
      theme: 'dark',
      language: 'de',
      size: 'compact',
      execution: 'render',
      appearance: 'always',
      'refresh-expired': 'never',
    })
    expect(container.contains(widget.host)).toBe(true)
    // The onload callback is not left on the page.
    expect(Object.keys(window).filter((key) => key.startsWith('__passlineOnload'))).toEqual([])
  })

  it('takes the token the widget solves on its own, valid for 300 s', async () => {
    const { captcha, ready } = setup()
    const widget = await ready()
    widget.call('callback', 'XXXX.DUMMY.TOKEN.XXXX')
    expect(captcha.getState()).toMatchObject({
      status: 'verified',
      token: 'XXXX.DUMMY.TOKEN.XXXX',
      expiresAt: Date.now() + 300_000,
    })
    await expect(captcha.getToken()).resolves.toBe('XXXX.DUMMY.TOKEN.XXXX')
  })

  it('runs an execute-mode widget with turnstile.execute, from a reset widget', async () => {
    const { captcha, ready } = setup({ execution: 'execute' })
    const widget = await ready()
    expect(widget.params).toMatchObject({ execution: 'execute', appearance: 'execute' })
    const token = captcha.getToken()
    expect(widget).toMatchObject({ resets: 1, executes: 1 })
    expect(captcha.getState().status).toBe('solving')
    widget.call('callback', 'ts_1')
    await expect(token).resolves.toBe('ts_1')
  })

  it('refreshes before the 300 s lifetime ends, keeping the old token meanwhile', async () => {
    const { captcha, ready } = setup({ execution: 'execute' })
    const widget = await ready()
    const first = captcha.getToken()
    widget.call('callback', 'ts_1')
    await first
    await vi.advanceTimersByTimeAsync(300_000 - 30_000)
    expect(widget.executes).toBe(2)
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'ts_1' })
    widget.call('callback', 'ts_2')
    expect(captcha.getState().token).toBe('ts_2')
  })

  it('maps 600*** to challenge-failed and other codes to provider-error, and tells Turnstile it handled them', async () => {
    const { captcha, ready } = setup({ execution: 'execute' })
    const widget = await ready()
    const token = captcha.getToken()
    expect(widget.call('error-callback', '600010')).toBe(true)
    await expect(token).rejects.toMatchObject({ code: 'challenge-failed', providerCode: '600010' })
    widget.call('error-callback', '110200')
    expect(captcha.getState().error).toMatchObject({
      code: 'provider-error',
      providerCode: '110200',
    })
  })

  it('reports an interactive timeout as expired, and the provider-side expiry as expire', async () => {
    const { captcha, ready } = setup()
    const widget = await ready()
    const expire = vi.fn()
    captcha.on('expire', expire)
    widget.call('callback', 'ts_1')
    widget.call('expired-callback', 'ts_1')
    expect(captcha.getState()).toMatchObject({ status: 'expired', token: null })
    expect(expire).toHaveBeenCalledOnce()
    widget.call('timeout-callback')
    expect(captcha.getState().error).toMatchObject({ code: 'expired', providerCode: 'timeout' })
  })

  it('renders anew for another language or theme, removing the old widget', async () => {
    const { captcha, fake, container, ready } = setup({ language: 'en' })
    const first = await ready()
    captcha.update({ language: 'fr' })
    await flush()
    expect(first.removed).toBe(true)
    expect(container.contains(first.host)).toBe(false)
    expect(fake.latest().params.language).toBe('fr')
    captcha.update({ theme: 'dark' })
    await flush()
    expect(fake.widgets).toHaveLength(3)
    // A change that is not a render parameter keeps the widget.
    captcha.update({ refreshMarginMs: 5000 })
    await flush()
    expect(fake.widgets).toHaveLength(3)
    // One script for all of it.
    expect(fake.scripts).toHaveLength(1)
  })

  it('ignores callbacks from a removed widget', async () => {
    const { captcha, container, ready } = setup()
    const widget = await ready()
    const unmount = captcha.mount(container)
    unmount()
    widget.call('callback', 'late')
    expect(captcha.getState()).toMatchObject({ status: 'idle', token: null })
  })

  it('fails with script-load-failed when the script does not load', async () => {
    const { captcha, fake } = setupProvider(
      'turnstile',
      { provider: 'turnstile', siteKey: 'k', retry: { attempts: 2, baseDelayMs: 10 } },
      { script: 'error' },
    )
    await vi.advanceTimersByTimeAsync(100)
    expect(fake.scripts).toHaveLength(2)
    expect(captcha.getState().error?.code).toBe('script-load-failed')
  })
})
