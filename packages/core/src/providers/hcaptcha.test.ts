import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HcaptchaOptions } from '../types'
// Imported up front, so the registry's dynamic import resolves within a flush under fake timers.
import './hcaptcha'
import { setupProvider } from './provider-harness'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const setup = (options: Partial<HcaptchaOptions> = {}) =>
  setupProvider('hcaptcha', {
    provider: 'hcaptcha',
    siteKey: '10000000-ffff-ffff-ffff-000000000001',
    ...options,
  })

describe('hCaptcha adapter', () => {
  it('loads explicitly without the reCAPTCHA shim and maps the options', async () => {
    const { fake, ready } = setup({ theme: 'dark', language: 'ja' })
    const widget = await ready()
    const params = fake.scripts[0]!.searchParams
    expect(Object.fromEntries(params)).toMatchObject({
      render: 'explicit',
      recaptchacompat: 'off',
    })
    expect(params.get('onload')).toBeTruthy()
    expect(widget.params).toMatchObject({
      sitekey: '10000000-ffff-ffff-ffff-000000000001',
      theme: 'dark',
      size: 'normal',
      hl: 'ja',
    })
  })

  it('follows the system colour scheme for theme auto, and the browser language for auto', async () => {
    const matchMedia = vi.fn(() => ({ matches: true }) as MediaQueryList)
    vi.stubGlobal('matchMedia', matchMedia)
    try {
      const { ready } = setup()
      const widget = await ready()
      expect(matchMedia).toHaveBeenCalledWith('(prefers-color-scheme: dark)')
      expect(widget.params.theme).toBe('dark')
      expect(widget.params).not.toHaveProperty('hl')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('runs an invisible widget with execute, passing rqdata first; tokens live 120 s', async () => {
    const { captcha, ready } = setup({ execution: 'execute', rqdata: 'opaque-rq' })
    const widget = await ready()
    expect(widget.params.size).toBe('invisible')
    const token = captcha.getToken()
    expect(widget).toMatchObject({ resets: 1, executes: 1, data: { rqdata: 'opaque-rq' } })
    widget.call('callback', '10000000-aaaa-bbbb-cccc-000000000001')
    await expect(token).resolves.toBe('10000000-aaaa-bbbb-cccc-000000000001')
    expect(captcha.getState().expiresAt).toBe(Date.now() + 120_000)
  })

  it('settles a closed challenge with challenge-closed and no error state', async () => {
    const { captcha, ready } = setup({ execution: 'execute' })
    const widget = await ready()
    const close = vi.fn()
    captcha.on('close', close)
    const token = captcha.getToken()
    widget.call('error-callback', 'challenge-closed')
    widget.call('close-callback')
    await expect(token).rejects.toMatchObject({ code: 'challenge-closed' })
    expect(close).toHaveBeenCalledOnce()
    expect(captcha.getState()).toMatchObject({ status: 'ready', error: null })
  })

  it.each([
    ['challenge-error', 'challenge-failed'],
    ['network-error', 'provider-error'],
    ['rate-limited', 'provider-error'],
  ])('maps error %s to %s', async (providerCode, code) => {
    const { captcha, ready } = setup({ execution: 'execute' })
    const widget = await ready()
    const token = captcha.getToken()
    widget.call('error-callback', providerCode)
    await expect(token).rejects.toMatchObject({ code, providerCode })
  })

  it('reports an expired challenge as expired, once, and an expired token as expire', async () => {
    const { captcha, ready } = setup()
    const widget = await ready()
    const errors = vi.fn()
    captcha.on('error', errors)
    widget.call('chalexpired-callback')
    widget.call('error-callback', 'challenge-expired')
    expect(errors).toHaveBeenCalledOnce()
    expect(captcha.getState().error).toMatchObject({
      code: 'expired',
      providerCode: 'challenge-expired',
    })
    widget.call('callback', 'h_1')
    widget.call('expired-callback')
    expect(captcha.getState().status).toBe('expired')
  })

  it('renders anew with the new hl when the language changes', async () => {
    const { captcha, fake, ready } = setup({ language: 'en' })
    const first = await ready()
    captcha.update({ language: 'es' })
    await vi.advanceTimersByTimeAsync(0)
    expect(first.removed).toBe(true)
    expect(fake.latest().params.hl).toBe('es')
    expect(fake.scripts).toHaveLength(1)
  })
})
