import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCaptcha } from '../create-captcha'
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
    const { allProviders } = await import('./registry')
    await expect(allProviders('turnstile')!(undefined)).rejects.toMatchObject({
      name: 'CaptchaError',
      code: 'script-load-failed',
      cause: expect.any(Error),
    })
  })

  it('bounds a chunk request that never answers with script-timeout', async () => {
    vi.useFakeTimers()
    vi.doMock('./turnstile', () => new Promise(() => {}))
    const { allProviders } = await import('./registry')
    const outcome = allProviders('turnstile')!(3000).catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(3000)
    expect(await outcome).toMatchObject({ name: 'CaptchaError', code: 'script-timeout' })
    vi.useRealTimers()
  })

  it('refuses names it does not know, including inherited ones', async () => {
    const { allProviders } = await import('./registry')
    for (const name of ['friendly', 'toString', '__proto__']) {
      expect(allProviders(name as 'turnstile')).toBeUndefined()
      expect(() => createCaptcha({ siteKey: 'k', provider: name } as CaptchaOptions)).toThrow(
        expect.objectContaining({ code: 'invalid-options', providerCode: 'provider' }),
      )
    }
  })
})
