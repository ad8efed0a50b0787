// CaptchaLa failing (an outage, a rate limit, answers it never documented): not the person's
// fault, never counted against them, and never shown to the browser in the provider's words.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createMockServer, type MockServer } from '@passline/mock-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'
import { freshEmail, passToken, postJson } from './requests'

/** What the upstream answers instead of the mock, while set. */
let failure: { status: number; body: string } | undefined
let mock: MockServer
let upstream: Server
let api: DemoApi

/** CaptchaLa's API as the demo backend sees it: the mock, or `failure` while one is set. */
function startUpstream(): Promise<string> {
  upstream = createServer(async (request, response) => {
    if (failure) return void response.writeHead(failure.status).end(failure.body)
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const headers = Object.fromEntries(
      ['content-type', 'x-app-key', 'x-app-secret'].map((name) => [name, request.headers[name]]),
    ) as Record<string, string>
    const answer = await fetch(`${mock.url}${request.url}`, {
      method: request.method,
      headers,
      body: Buffer.concat(chunks),
    })
    response.writeHead(answer.status, { 'content-type': 'application/json' })
    response.end(await answer.text())
  })
  return new Promise((resolve) =>
    upstream.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`),
    ),
  )
}

beforeAll(async () => {
  mock = await createMockServer()
  api = await createDemoApi({
    captchalaUrl: await startUpstream(),
    emulatorUrl: mock.url,
    port: 0,
    policy: { challengeAfter: 2 },
  })
})
afterAll(async () => {
  await api.close()
  await new Promise((resolve) => upstream.close(resolve))
  await mock.close()
})
beforeEach(() => {
  failure = undefined
})

const signup = async () =>
  postJson(api.url, { email: freshEmail(), captchaToken: await passToken(mock.url) })

describe('CaptchaLa failing', () => {
  it.each([
    { status: 500, body: 'Internal error: pool exhausted at db-7 (password=hunter2)' },
    { status: 429, body: '{"code":429,"msg":"Slow down, <script>alert(1)</script>"}' },
    { status: 200, body: '<html>captive portal</html>' },
  ])('answers $status as unavailable, counts nothing and shows none of it', async (answer) => {
    failure = answer
    for (let i = 0; i < 4; i++) {
      const reply = await signup()
      expect([reply.status, reply.body]).toEqual([503, { error: 'unavailable' }])
    }
    // Four outages, a threshold of two: still not escalated once CaptchaLa is back.
    failure = undefined
    expect((await signup()).status).toBe(201)
  })

  it('reads a refusal it does not know as a token failure, in its own code', async () => {
    failure = {
      status: 200,
      body: JSON.stringify({
        code: 0,
        msg: 'Upstream says <b>no</b>',
        data: { valid: false, error: 'brand_new_code' },
      }),
    }
    const reply = await signup()
    expect([reply.status, reply.body]).toEqual([
      403,
      { error: 'captcha_failed', reason: 'invalid_token' },
    ])
  })
})
