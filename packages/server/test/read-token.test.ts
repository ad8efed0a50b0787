import { describe, expect, it } from 'vitest'
import { readCaptchaToken, tokenFromBody } from '../src/index'

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://app.example/signup', { method: 'POST', body, headers })

describe('readCaptchaToken (Fetch Requests)', () => {
  it('reads the header first, then captchaToken, then the providers’ fields, from JSON and both forms', async () => {
    const multipart = new FormData()
    multipart.append('email', 'a@b.c')
    multipart.append('captchaToken', 'from-multipart')
    const cases: [Request, string | undefined][] = [
      [
        post('{"captchaToken":"body"}', {
          'x-captcha-token': 'header',
          'content-type': 'application/json',
        }),
        'header',
      ],
      [post('{"captchaToken":"json"}', { 'content-type': 'application/json' }), 'json'],
      [
        post('captchaToken=form&g-recaptcha-response=other', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
        'form',
      ],
      [
        post('h-captcha-response=provider', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
        'provider',
      ],
      [post(multipart), 'from-multipart'],
      [post('{"captcha_token":"alias"}', { 'content-type': 'application/json' }), undefined],
      [post('{not json', { 'content-type': 'application/json' }), undefined],
      [post('captchaToken=plain', { 'content-type': 'text/plain' }), undefined],
    ]
    for (const [request, token] of cases) expect(await readCaptchaToken(request)).toBe(token)
  })

  it('leaves the body readable for the handler', async () => {
    const request = post('{"captchaToken":"t","email":"a@b.c"}', {
      'content-type': 'application/json',
    })
    expect(await readCaptchaToken(request)).toBe('t')
    expect(await request.json()).toEqual({ captchaToken: 't', email: 'a@b.c' })
  })
})

describe('tokenFromBody', () => {
  it('takes strings and @fastify/multipart’s { value } fields, nothing else', () => {
    expect(tokenFromBody({ captchaToken: { fieldname: 'captchaToken', value: 'v' } })).toBe('v')
    expect(tokenFromBody({ captchaToken: ['a', 'b'] })).toBeUndefined()
    expect(tokenFromBody({ captchaToken: 42 })).toBeUndefined()
    expect(tokenFromBody({ captchaToken: '', 'cf-turnstile-response': 'cf' })).toBe('cf')
    expect(tokenFromBody(null)).toBeUndefined()
  })
})
