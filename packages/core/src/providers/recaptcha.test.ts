import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flush } from '../test-setup'
import type { RecaptchaOptions } from '../types'
// Imported up front, so the registry's dynamic import resolves within a flush under fake timers.
import './recaptcha'
import { setupProvider } from './provider-harness'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const TEST_SITE_KEY = '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI'
const setup = (options: Partial<RecaptchaOptions> = {}) =>
  setupProvider('grecaptcha', { provider: 'recaptcha', siteKey: TEST_SITE_KEY, ...options })

describe('reCAPTCHA v2 adapter', () => {
  it('renders a checkbox the user ticks: execute() leaves it to the user', async () => {
    const { captcha, fake, ready } = setup({ theme: 'dark', language: 'fr' })
    const widget = await ready()
    expect(Object.fromEntries(fake.scripts[0]!.searchParams)).toMatchObject({
      render: 'explicit',
      hl: 'fr',
    })
    expect(widget.params).toMatchObject({ sitekey: TEST_SITE_KEY, theme: 'dark', size: 'normal' })
    // Widget ids are numbers, and the first is 0.
    expect(widget.id).toBe(0)
    const token = captcha.getToken()
    expect(widget).toMatchObject({ resets: 1, executes: 0 })
    expect(captcha.getState().status).toBe('solving')
    widget.call('callback', 'g_1')
    await expect(token).resolves.toBe('g_1')
    expect(captcha.getState().expiresAt).toBe(Date.now() + 120_000)
  })

  it('runs an invisible widget with grecaptcha.execute(id)', async () => {
    const { captcha, ready } = setup({ execution: 'execute', badge: 'inline' })
    const widget = await ready()
    expect(widget.params).toMatchObject({ size: 'invisible', badge: 'inline' })
    const token = captcha.getToken()
    expect(widget.executes).toBe(1)
    widget.call('callback', 'g_2')
    await expect(token).resolves.toBe('g_2')
  })

  it('reports its code-less error-callback as provider-error and its expiry as expire', async () => {
    const { captcha, ready } = setup()
    const widget = await ready()
    widget.call('callback', 'g_1')
    widget.call('expired-callback')
    expect(captcha.getState().status).toBe('expired')
    widget.call('error-callback')
    expect(captcha.getState().error?.code).toBe('provider-error')
  })

  it('cannot remove a widget, so unmount resets it and removes its element', async () => {
    const { captcha, container, ready } = setup()
    const widget = await ready()
    captcha.mount(document.body.appendChild(document.createElement('div')))
    expect(widget.resets).toBe(1)
    expect(container.contains(widget.host)).toBe(false)
  })

  it('loads the script again for another language, since reCAPTCHA reads hl from the URL', async () => {
    const { captcha, fake, ready } = setup({ language: 'de' })
    const first = await ready()
    const germanApi = first.api
    captcha.update({ language: 'ja' })
    await flush()
    expect(fake.scripts.map((url) => url.searchParams.get('hl'))).toEqual(['de', 'ja'])
    const second = fake.latest()
    expect(second.api).not.toBe(germanApi)
    expect(first.resets).toBe(1)
    // Back to German: the API loaded for it is used again, with no new request.
    captcha.update({ language: 'de' })
    await flush()
    expect(fake.scripts).toHaveLength(2)
    expect(fake.latest().api).toBe(germanApi)
  })

  it('adopts a grecaptcha the page loaded itself', async () => {
    const page = { render: vi.fn(() => 0), reset: vi.fn(), ready: vi.fn(), execute: vi.fn() }
    vi.stubGlobal('grecaptcha', page)
    try {
      const { captcha, fake } = setup()
      await flush()
      expect(fake.scripts).toHaveLength(0)
      expect(page.render).toHaveBeenCalledOnce()
      expect(captcha.getState().status).toBe('ready')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})

describe('reCAPTCHA v3 adapter', () => {
  it('loads with render=<site key>, renders nothing, and asks for a score token per challenge', async () => {
    const { captcha, fake, container } = setup({ version: 'v3', action: 'signup' })
    await flush()
    expect(captcha.getState().status).toBe('ready')
    expect(fake.scripts[0]!.searchParams.get('render')).toBe(TEST_SITE_KEY)
    expect(fake.widgets).toHaveLength(0)
    expect(container.childElementCount).toBe(0)
    await expect(captcha.getToken()).resolves.toBe('v3_token_1')
    expect(fake.scoreRequests).toEqual([{ siteKey: TEST_SITE_KEY, options: { action: 'signup' } }])
  })

  it('refreshes the score token before its two minutes are up', async () => {
    const { captcha, fake } = setup({ version: 'v3' })
    await flush()
    await captcha.getToken()
    await vi.advanceTimersByTimeAsync(120_000 - 24_000)
    expect(fake.scoreRequests).toHaveLength(2)
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'v3_token_2' })
  })

  it('renders anew with the new action, and switches between v2 and v3', async () => {
    const { captcha, fake } = setup({ version: 'v3', action: 'login' })
    await flush()
    captcha.update({ action: 'checkout' })
    await flush()
    await captcha.getToken()
    expect(fake.scoreRequests.at(-1)?.options).toEqual({ action: 'checkout' })
    captcha.update({ version: 'v2' } as Partial<RecaptchaOptions>)
    await flush()
    expect(fake.widgets).toHaveLength(1)
    expect(fake.scripts.at(-1)?.searchParams.get('render')).toBe('explicit')
  })

  it('drops a score token that arrives after unmount', async () => {
    const { captcha } = setup({ version: 'v3' })
    await flush()
    const token = captcha.getToken()
    captcha.mount(document.body.appendChild(document.createElement('div')))
    await expect(token).rejects.toMatchObject({ code: 'aborted' })
    await flush()
    expect(captcha.getState().token).toBe(null)
  })
})
