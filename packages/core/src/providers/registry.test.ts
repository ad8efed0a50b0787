import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CaptchaOptions } from '../types'

afterEach(() => {
  vi.doUnmock('./turnstile')
  vi.resetModules()
})

describe('provider registry', () => {
  it('turns a failed adapter chunk into a typed script-load-failed', async () => {
    vi.doMock('./turnstile', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    const { providerFactory } = await import('./registry')
    const options = { provider: 'turnstile', siteKey: 'k' } as CaptchaOptions
    const driver = providerFactory('turnstile')(() => options)
    await expect(driver.load()).rejects.toMatchObject({
      name: 'CaptchaError',
      code: 'script-load-failed',
      cause: expect.any(Error),
    })
  })

  it('bounds a chunk request that never answers with script-timeout', async () => {
    vi.useFakeTimers()
    vi.doMock('./turnstile', () => new Promise(() => {}))
    const { providerFactory } = await import('./registry')
    const options = { provider: 'turnstile', siteKey: 'k', loadTimeoutMs: 3000 } as CaptchaOptions
    const outcome = providerFactory('turnstile')(() => options)
      .load()
      .catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(3000)
    expect(await outcome).toMatchObject({ name: 'CaptchaError', code: 'script-timeout' })
    vi.useRealTimers()
  })

  it('refuses names it does not know, including inherited ones', async () => {
    const { providerFactory } = await import('./registry')
    for (const name of ['friendly', 'toString', '__proto__']) {
      expect(() => providerFactory(name as 'turnstile')).toThrow(
        expect.objectContaining({ code: 'invalid-options', providerCode: 'provider' }),
      )
    }
  })
})
