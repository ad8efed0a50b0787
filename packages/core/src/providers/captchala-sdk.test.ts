import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCaptcha } from '../create-captcha'
import { installFakeCaptchala } from '../testing'
import { flush, uniqueLoaderUrl } from '../test-setup'
import { captchalaErrorCode, type CaptchalaWindow } from './captchala-sdk'

afterEach(() => vi.useRealTimers())

describe('captchalaErrorCode', () => {
  it('reads the code from an error object, a "(code)" message suffix or a bare code', () => {
    expect(captchalaErrorCode({ code: 'server_token_expired', message: 'x' })).toBe(
      'server_token_expired',
    )
    expect(captchalaErrorCode(new Error('Server token expired (server_token_expired)'))).toBe(
      'server_token_expired',
    )
    expect(captchalaErrorCode('Rate limited (rate_limit_exceeded) ')).toBe('rate_limit_exceeded')
    expect(captchalaErrorCode('invalid_app_key')).toBe('invalid_app_key')
  })

  it('finds no code in a plain sentence or in nothing', () => {
    expect(captchalaErrorCode(new Error('Network request failed'))).toBeUndefined()
    expect(captchalaErrorCode(undefined)).toBeUndefined()
    expect(captchalaErrorCode({})).toBeUndefined()
  })
})

describe('loading the CaptchaLa SDK', () => {
  it('adopts an SDK that is already on the page without injecting the loader', async () => {
    vi.useFakeTimers()
    const fake = installFakeCaptchala()
    // Loaded by the page itself, e.g. CaptchaLa's own <script> tag in the HTML.
    const win = window as unknown as CaptchalaWindow
    await new Promise<void>((resolve) => {
      const tag = document.createElement('script')
      tag.src = uniqueLoaderUrl()
      document.head.append(tag)
      tag.addEventListener('load', () => win.loadCaptchala!(resolve, () => resolve()))
    })
    const requestsBefore = fake.scriptRequests.length
    const captcha = createCaptcha({ siteKey: 'test_pass', scriptUrl: uniqueLoaderUrl() })
    captcha.mount(document.body.appendChild(document.createElement('div')))
    await flush()
    expect(captcha.getState().status).toBe('ready')
    expect(fake.scriptRequests).toHaveLength(requestsBefore)
    captcha.destroy()
    fake.restore()
  })

  it('uses a loadCaptchala that is already defined instead of loading the loader again', async () => {
    vi.useFakeTimers()
    const fake = installFakeCaptchala()
    const tag = document.createElement('script')
    tag.src = uniqueLoaderUrl()
    document.head.append(tag)
    await flush()
    expect((window as CaptchalaWindow).loadCaptchala).toBeTypeOf('function')
    const captcha = createCaptcha({ siteKey: 'test_pass', scriptUrl: uniqueLoaderUrl() })
    captcha.mount(document.body.appendChild(document.createElement('div')))
    await flush()
    expect(captcha.getState().status).toBe('ready')
    expect(fake.scriptRequests).toHaveLength(1)
    expect(fake.sdkLoads).toBe(1)
    captcha.destroy()
    fake.restore()
  })
})
