// ALTCHA and Cap, whose challenges this backend issues itself: the routes their widgets call,
// their own widget files, and the signup checking each solution once. Cap's puzzles are solved
// with Cap's own worker; ALTCHA's real widget solves in the e2e (apps/e2e).
import { createMockServer, type MockServer } from '@passline/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { solveCap } from '../../../packages/server/test/cap-solver'
import type { CapChallenge } from '@passline/server'
import { createDemoApi, type DemoApi } from '../src/index'
import { freshEmail, postJson } from './requests'

let mock: MockServer
let api: DemoApi
beforeAll(async () => {
  mock = await createMockServer()
  api = await createDemoApi({
    captchalaUrl: mock.url,
    port: 0,
    // The refusals below are counted: none of them should escalate the next test's client.
    policy: { challengeAfter: 10 },
    // Light work: the tests solve in milliseconds.
    selfHosted: { cap: { challengeCount: 3, challengeDifficulty: 2 } },
  })
})
afterAll(async () => {
  await api?.close()
  await mock?.close()
})

const post = (path: string, body?: unknown) =>
  fetch(`${api.url}${path}`, {
    method: 'POST',
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  })

/** A Cap token, as the widget gets it: a challenge, its puzzles solved, redeemed. */
async function capToken() {
  const challenge = (await (await post('/api/cap/challenge')).json()) as CapChallenge
  const redeemed = await post('/api/cap/redeem', await solveCap(challenge))
  return ((await redeemed.json()) as { token: string }).token
}

describe('ALTCHA and Cap in the demo backend', () => {
  it('tells pages where the widgets and their challenges are, all on this backend', async () => {
    const text = await (await fetch(`${api.url}/api/config`)).text()
    const { providers } = JSON.parse(text) as { providers: Record<string, unknown> }
    expect(providers.altcha).toEqual({
      scriptUrl: '/api/widgets/altcha.js',
      siteKeys: [{ key: '/api/altcha/challenge', label: expect.any(String) }],
    })
    expect(providers.cap).toEqual({
      scriptUrl: '/api/widgets/cap.js',
      wasmUrl: '/api/widgets/cap_wasm_bg.wasm',
      siteKeys: [{ key: '/api/cap/', label: expect.any(String) }],
    })
    expect(text).not.toMatch(/secret|not-for-production/i)
  })

  it('serves the widgets’ own published files, and nothing else from there', async () => {
    const altcha = await fetch(`${api.url}/api/widgets/altcha.js`)
    expect(altcha.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(await altcha.text()).toMatch(/altcha-widget/)
    const cap = await fetch(`${api.url}/api/widgets/cap.js`)
    expect(await cap.text()).toMatch(/cap-widget/)
    const wasm = await fetch(`${api.url}/api/widgets/cap_wasm_bg.wasm`)
    expect(wasm.headers.get('content-type')).toBe('application/wasm')
    expect(WebAssembly.validate(new Uint8Array(await wasm.arrayBuffer()))).toBe(true)
    for (const path of ['package.json', '..%2Fpackage.json', 'altcha.min.js']) {
      const response = await fetch(`${api.url}/api/widgets/${path}`)
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 404,
        body: { error: 'not_found' },
      })
    }
  })

  it('issues ALTCHA challenges for the signup action, never cached', async () => {
    const response = await fetch(`${api.url}/api/altcha/challenge`)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const challenge = (await response.json()) as { parameters: { data?: unknown } }
    expect(challenge.parameters).toMatchObject({ algorithm: 'PBKDF2/SHA-256' })
  })

  it('refuses an ALTCHA payload it did not sign, and a missing one, as token failures', async () => {
    const forged = btoa(JSON.stringify({ challenge: {}, solution: { counter: 1 } }))
    for (const [captchaToken, reason] of [
      [forged, 'invalid_token'],
      ['', 'missing_token'],
    ]) {
      const answer = await postJson(api.url, {
        email: freshEmail(),
        captchaToken,
        provider: 'altcha',
        siteKey: '/api/altcha/challenge',
      })
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 403,
        body: { error: 'captcha_failed', reason },
      })
    }
  })

  it('signs up with a redeemed Cap token once; the token again is token_consumed', async () => {
    const captchaToken = await capToken()
    const body = { captchaToken, provider: 'cap', siteKey: '/api/cap/' }
    expect((await postJson(api.url, { ...body, email: freshEmail() })).status).toBe(201)
    const again = await postJson(api.url, { ...body, email: freshEmail() })
    expect({ status: again.status, body: again.body }).toEqual({
      status: 403,
      body: { error: 'captcha_failed', reason: 'token_consumed' },
    })
  })

  it('redeems a solved challenge once, and answers Cap’s own codes for a bad redeem', async () => {
    const challenge = (await (await post('/api/cap/challenge')).json()) as CapChallenge
    const solved = await solveCap(challenge)
    const first = await post('/api/cap/redeem', solved)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-store')
    const second = await post('/api/cap/redeem', solved)
    expect({ status: second.status, body: await second.json() }).toEqual({
      status: 403,
      body: { success: false, error: 'already_redeemed' },
    })
    const another = await solveCap(
      (await (await post('/api/cap/challenge')).json()) as CapChallenge,
    )
    // At difficulty 2, n + 1 solves a puzzle too once in 256 times: all three, never.
    const wrong = { ...another, solutions: another.solutions.map((n) => n + 1) }
    const refused = await post('/api/cap/redeem', wrong)
    expect({ status: refused.status, body: await refused.json() }).toEqual({
      status: 403,
      body: { success: false, error: 'invalid_solution' },
    })
    const garbage = await post('/api/cap/redeem', { token: 42 })
    expect({ status: garbage.status, body: await garbage.json() }).toEqual({
      status: 400,
      body: { success: false, error: 'invalid_body' },
    })
  })
})
