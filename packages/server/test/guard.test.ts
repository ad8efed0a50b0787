import { describe, expect, it } from 'vitest'
import { decide, selectToken } from '../src/guard'

describe('selectToken', () => {
  const header = () => 'from-header'
  const body = () => ({ captcha_token: 'from-body' })
  it('prefers the header, then the body, by default', async () => {
    expect(await selectToken(undefined, {}, header, body)).toBe('from-header')
    expect(await selectToken(undefined, {}, () => undefined, body)).toBe('from-body')
  })
  it('reads only where tokenFrom says', async () => {
    expect(await selectToken('header', {}, () => undefined, body)).toBeUndefined()
    expect(await selectToken('body', {}, header, body)).toBe('from-body')
    expect(
      await selectToken((request: { t: string }) => request.t, { t: 'mine' }, header, body),
    ).toBe('mine')
  })
})

describe('decide', () => {
  it('passes valid results of both shapes and refuses the rest with a reason', async () => {
    expect(await decide('t', {}, async () => ({ valid: true }))).toMatchObject({ pass: true })
    expect(await decide('t', {}, async () => ({ success: true, errorCodes: [] }))).toMatchObject({
      pass: true,
    })
    expect(
      await decide('t', {}, async () => ({ success: false, errorCodes: ['timeout-or-duplicate'] })),
    ).toMatchObject({
      pass: false,
      refusal: { status: 403, body: { error: 'captcha_failed', reason: 'timeout-or-duplicate' } },
    })
    expect(await decide(42, {}, async () => ({ valid: true }))).toMatchObject({
      pass: false,
      refusal: { body: { reason: 'missing_token' } },
    })
  })
})
