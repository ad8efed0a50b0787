// @vitest-environment node
import { describe, expect, it } from 'vitest'
import * as captchalaOnly from './captchala'
import * as hcaptchaOnly from './hcaptcha'
import { createCaptcha, loadScript } from './index'
import * as recaptchaOnly from './recaptcha'
import * as turnstileOnly from './turnstile'

describe('on a server', () => {
  it('imports and creates a controller without touching browser globals', async () => {
    expect(typeof window).toBe('undefined')
    const captcha = createCaptcha({ siteKey: 'test_pass' })
    expect(captcha.getState().status).toBe('idle')
    captcha.update({ theme: 'dark' })
    captcha.reset()
    await expect(captcha.getToken()).rejects.toMatchObject({ code: 'unsupported-environment' })
    await expect(captcha.execute()).rejects.toMatchObject({ code: 'unsupported-environment' })
    await expect(loadScript('/x.js')).rejects.toMatchObject({ code: 'unsupported-environment' })
    // mount() is a no-op without a DOM; its teardown is safe to call.
    captcha.mount({} as HTMLElement)()
    captcha.destroy()
  })
})

describe.each([
  ['captchala', captchalaOnly],
  ['turnstile', turnstileOnly],
  ['hcaptcha', hcaptchaOnly],
  ['recaptcha', recaptchaOnly],
] as const)('@passline/core/%s on a server', (provider, entry) => {
  it('imports and creates a controller without touching browser globals', async () => {
    const captcha = entry.createCaptcha({ provider, siteKey: 'k' } as never)
    expect(captcha.getState().status).toBe('idle')
    await expect(captcha.getToken()).rejects.toMatchObject({ code: 'unsupported-environment' })
    captcha.destroy()
  })
})
