import { describe, expect, it } from 'vitest'
import { captchaOptionsChanged, mergeCaptchaOptions, withLatestCallbacks } from './binding-options'

describe('binding option helpers', () => {
  it('lets own options win over defaults, but not with undefined', () => {
    expect(
      mergeCaptchaOptions(
        { siteKey: 'app', language: 'fr', theme: 'dark' },
        { language: 'ja', theme: undefined },
      ),
    ).toEqual({ siteKey: 'app', language: 'ja', theme: 'dark' })
  })

  it('sees changed values, ignores functions, and counts added or removed keys', () => {
    const base = { siteKey: 'a', getServerToken: async () => 'x' }
    expect(captchaOptionsChanged(base, { ...base, getServerToken: async () => 'y' })).toBe(false)
    expect(captchaOptionsChanged(base, { ...base, siteKey: 'b' })).toBe(true)
    expect(captchaOptionsChanged({ siteKey: 'a' }, { siteKey: 'a', action: 'login' })).toBe(true)
    expect(captchaOptionsChanged({ siteKey: 'a', action: 'login' }, { siteKey: 'a' })).toBe(true)
    expect(captchaOptionsChanged({ siteKey: 'a' }, { siteKey: 'a' })).toBe(false)
  })
})

describe('withLatestCallbacks', () => {
  it('calls the newest getServerToken through latest(), and leaves options without one alone', async () => {
    let current = { siteKey: 'a', getServerToken: async () => 'sct_first' }
    const stable = withLatestCallbacks(current, () => current)
    current = { siteKey: 'a', getServerToken: async () => 'sct_second' }
    await expect((stable as typeof current).getServerToken()).resolves.toBe('sct_second')
    const plain = { siteKey: 'a' }
    expect(withLatestCallbacks(plain, () => plain)).toBe(plain)
  })
})
