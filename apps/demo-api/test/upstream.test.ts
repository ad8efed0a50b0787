// CaptchaLa failing (an outage, a rate limit, answers it never documented): not the person's
// fault, never counted against them, and never shown to the browser in the provider's words.
import { createMockServer, type MockServer } from '@passline/mock-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'
import { freshEmail, passToken, postJson } from './requests'
import { createUpstream, type Upstream } from './upstream'

let mock: MockServer
let upstream: Upstream
let api: DemoApi

beforeAll(async () => {
  mock = await createMockServer()
  upstream = await createUpstream(mock.url)
  api = await createDemoApi({
    captchalaUrl: upstream.url,
    emulatorUrl: mock.url,
    port: 0,
    policy: { challengeAfter: 2 },
  })
})
afterAll(async () => {
  await api.close()
  await upstream.close()
  await mock.close()
})
beforeEach(() => upstream.failWith(undefined))

const signup = async () =>
  postJson(api.url, { email: freshEmail(), captchaToken: await passToken(mock.url) })

describe('CaptchaLa failing', () => {
  it.each([
    { status: 500, body: 'Internal error: pool exhausted at db-7 (password=hunter2)' },
    { status: 429, body: '{"code":429,"msg":"Slow down, <script>alert(1)</script>"}' },
    { status: 200, body: '<html>captive portal</html>' },
  ])('answers $status as unavailable, counts nothing and shows none of it', async (answer) => {
    upstream.failWith(answer)
    for (let i = 0; i < 4; i++) {
      const reply = await signup()
      expect([reply.status, reply.body]).toEqual([503, { error: 'unavailable' }])
    }
    // Four outages, a threshold of two: still not escalated once CaptchaLa is back.
    upstream.failWith(undefined)
    expect((await signup()).status).toBe(201)
  })

  it('reads a refusal it does not know as a token failure, in its own code', async () => {
    upstream.failWith({
      status: 200,
      body: JSON.stringify({
        code: 0,
        msg: 'Upstream says <b>no</b>',
        data: { valid: false, error: 'brand_new_code' },
      }),
    })
    const reply = await signup()
    expect([reply.status, reply.body]).toEqual([
      403,
      { error: 'captcha_failed', reason: 'invalid_token' },
    ])
  })
})
