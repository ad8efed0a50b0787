import { describe, expect, it } from 'vitest'
import { CaptchaError, isCaptchaError } from './errors'

describe('CaptchaError', () => {
  it('carries the code, the provider code and the cause', () => {
    const cause = new Error('net')
    const error = new CaptchaError('provider-error', { providerCode: 'invalid_app_key', cause })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'CaptchaError',
      code: 'provider-error',
      providerCode: 'invalid_app_key',
      cause,
    })
    expect(error.message).toBe('provider-error (invalid_app_key)')
  })

  it('is recognised by isCaptchaError, also when it comes from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { name: 'CaptchaError', code: 'aborted' })
    expect(isCaptchaError(new CaptchaError('aborted'))).toBe(true)
    expect(isCaptchaError(foreign)).toBe(true)
    expect(isCaptchaError(new Error('aborted'))).toBe(false)
    expect(isCaptchaError({ code: 'aborted' })).toBe(false)
  })
})
