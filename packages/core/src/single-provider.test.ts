// `@passline/core/<provider>`: the whole API, with a createCaptcha for one provider whose
// adapter is carried along (what it bundles is checked in lazy-adapters.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as everything from './index'
import { installFakeProvider } from './providers/fake-provider-api'
import { flush } from './test-setup'
import * as turnstileOnly from './turnstile'
import { installFakeCaptchala } from './testing'
import * as captchalaOnly from './captchala'
import * as hcaptchaOnly from './hcaptcha'
import * as recaptchaOnly from './recaptcha'
import * as altchaOnly from './altcha'
import * as capOnly from './cap'
import * as friendlyOnly from './friendlycaptcha'
import type { CaptchaOptions } from './types'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const ENTRIES = {
  captchala: captchalaOnly,
  turnstile: turnstileOnly,
  hcaptcha: hcaptchaOnly,
  recaptcha: recaptchaOnly,
  altcha: altchaOnly,
  cap: capOnly,
  friendlycaptcha: friendlyOnly,
}

describe.each(Object.entries(ENTRIES))('@passline/core/%s', (provider, entry) => {
  it('exports what @passline/core exports, under the same names', () => {
    expect(Object.keys(entry).sort()).toEqual(Object.keys(everything).sort())
    expect(entry.createCaptcha).not.toBe(everything.createCaptcha)
    expect(entry.CaptchaError).toBe(everything.CaptchaError)
  })

  it('refuses every other provider as @passline/core refuses an unknown one', () => {
    for (const other of Object.keys(ENTRIES).filter((name) => name !== provider)) {
      const options = { provider: other, siteKey: 'k' } as CaptchaOptions
      expect(() => entry.createCaptcha(options as never)).toThrow(
        expect.objectContaining({ code: 'invalid-options', providerCode: 'provider' }),
      )
    }
  })
})

describe('a single-provider createCaptcha', () => {
  it('renders Turnstile and hands out its token, with nothing to fetch but the script', async () => {
    const fake = installFakeProvider('turnstile')
    const captcha = turnstileOnly.createCaptcha({
      provider: 'turnstile',
      siteKey: '1x00000000000000000000AA',
      scriptUrl: fake.scriptUrl,
      execution: 'execute',
    })
    captcha.mount(document.body.appendChild(document.createElement('div')))
    await flush()
    expect(captcha.getState().status).toBe('ready')
    const token = captcha.getToken()
    fake.latest().call('callback', 'ts_single')
    await expect(token).resolves.toBe('ts_single')
    captcha.destroy()
    fake.restore()
  })

  it('defaults to CaptchaLa in the CaptchaLa entry, as @passline/core does', async () => {
    const fake = installFakeCaptchala()
    const captcha = captchalaOnly.createCaptcha({ siteKey: 'test_pass', scriptUrl: fake.scriptUrl })
    captcha.mount(document.body.appendChild(document.createElement('div')))
    await expect(captcha.getToken()).resolves.toBe('pt_fake_1')
    captcha.destroy()
    fake.restore()
  })
})
