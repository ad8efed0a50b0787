// What a hostile probe sent the demo backend: each is refused (or answered safely) before
// anything is written, and never with an error after a write.
import { createMockServer, type MockServer } from '@passline/mock-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'
import { BAD_TOKEN, freshEmail, passToken, postForm, postJson } from './requests'

let mock: MockServer
let api: DemoApi
const accounts = new Set<string>()
beforeAll(async () => {
  mock = await createMockServer()
  // A high threshold: these tests look at single answers, not at escalation.
  api = await createDemoApi({
    captchalaUrl: mock.url,
    port: 0,
    accounts,
    policy: { challengeAfter: 100, blockAfter: 200 },
  })
})
afterAll(async () => {
  await api.close()
  await mock.close()
})
beforeEach(() => accounts.clear())

const token = () => passToken(mock.url)

describe('a form post’s redirect', () => {
  const hostileReferers = [
    'http://127.0.0.1:5173//evil.example/landing',
    'http://127.0.0.1:5173/\\evil.example/landing',
    'https://evil.example/landing?next=https://evil.example',
    'javascript:alert(document.cookie)//',
    '//evil.example/landing',
    'http://[::1', // not a URL at all
  ]

  it.each(hostileReferers)('stays on the form’s page whatever the Referer: %s', async (referer) => {
    const refusedPost = await postForm(
      api.url,
      { email: 'r@b.c', captchaToken: BAD_TOKEN },
      { referer },
    )
    expect(refusedPost.status).toBe(303)
    expect(refusedPost.headers.get('location')).toBe(
      '/?signup=refused&email=r%40b.c&error=captcha_failed&reason=invalid_token',
    )
    expect(accounts.size).toBe(0)
    // A signup that passes goes to the same page: the email and any server token stay here.
    const email = freshEmail()
    const passed = await postForm(api.url, { email, captchaToken: await token() }, { referer })
    expect(passed.status).toBe(303)
    expect(passed.headers.get('location')).toBe(
      `/?signup=created&email=${encodeURIComponent(email)}`,
    )
    expect([...accounts]).toEqual([email])
  })

  it('carries back only the page’s own settings, only plain values', async () => {
    const response = await postForm(
      api.url,
      { email: 'nope', captchaToken: BAD_TOKEN },
      { referer: 'http://x/lit.html?provider=turnstile&lang=fr&next=//evil&key=a%2Fb&theme=<b>' },
    )
    expect(response.headers.get('location')).toBe(
      '/lit.html?provider=turnstile&lang=fr&signup=refused&error=invalid_email',
    )
  })
})

describe('a cross-site post', () => {
  const crossSite: Record<string, string>[] = [
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: 'https://evil.example' },
    { origin: 'null' },
  ]

  it.each(crossSite)('is refused unread and unwritten: %o', async (headers) => {
    for (let i = 0; i < 3; i++) {
      const form = await postForm(api.url, { email: 'c@b.c', captchaToken: await token() }, headers)
      expect([form.status, await form.json()]).toEqual([403, { error: 'cross_site_request' }])
      expect(form.headers.get('location')).toBeNull()
      const json = await postJson(api.url, { email: 'c@b.c', captchaToken: BAD_TOKEN }, headers)
      expect(json).toMatchObject({ status: 403, body: { error: 'cross_site_request' } })
    }
    expect(accounts.size).toBe(0)
  })

  it('from the same origin passes (Sec-Fetch-Site as browsers send it)', async () => {
    const reply = await postJson(
      api.url,
      { email: 's@b.c', captchaToken: await token() },
      { 'sec-fetch-site': 'same-origin', origin: new URL(api.url).origin },
    )
    expect(reply.status).toBe(201)
  })
})

describe('oversized input', () => {
  it('an email over 254 characters is refused, and never put in a redirect', async () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`
    expect(email.length).toBe(255)
    expect(await postJson(api.url, { email, captchaToken: await token() })).toMatchObject({
      status: 400,
      body: { error: 'invalid_email' },
    })
    const form = await postForm(api.url, { email, captchaToken: await token() })
    expect(form.headers.get('location')).toBe('/?signup=refused&error=invalid_email')
    expect(accounts.size).toBe(0)
  })

  it('a 900 KB email is a body too large, refused before it is read', async () => {
    const email = `${'a'.repeat(900 * 1024)}@b.c`
    expect(await postJson(api.url, { email, captchaToken: await token() })).toMatchObject({
      status: 413,
      body: { error: 'body_too_large' },
    })
    const form = await postForm(api.url, { email, captchaToken: await token() })
    expect(form.headers.get('location')).toBe('/?signup=refused&error=body_too_large')
    expect(accounts.size).toBe(0)
  })

  it('a body streamed without a length is cut off at the limit', async () => {
    let sent = 0
    const endless = new ReadableStream({
      pull(controller) {
        sent += 64 * 1024
        controller.enqueue(new TextEncoder().encode(' '.repeat(64 * 1024)))
      },
    })
    const response = await fetch(`${api.url}/api/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit)
    expect([response.status, await response.json()]).toEqual([413, { error: 'body_too_large' }])
    expect(sent).toBeLessThan(64 * 1024 * 1024)
    expect(accounts.size).toBe(0)
  })

  it('a token over the provider’s cap is refused unsent', async () => {
    expect(
      await postJson(api.url, { email: 't@b.c', captchaToken: 'p'.repeat(5000) }),
    ).toMatchObject({
      status: 403,
      body: { error: 'captcha_failed', reason: 'token_too_long' },
    })
    expect(accounts.size).toBe(0)
  })

  it('a body of another type, or malformed, is refused with a code from the list', async () => {
    const post = (type: string, body: string) =>
      fetch(`${api.url}/api/signup`, { method: 'POST', headers: { 'content-type': type }, body })
    const plain = await post('text/plain', '{"email":"a@b.c"}')
    expect([plain.status, await plain.json()]).toEqual([415, { error: 'unsupported_media_type' }])
    const broken = await post('application/json', '{"email":')
    expect([broken.status, await broken.json()]).toEqual([400, { error: 'invalid_body' }])
    const lost = await fetch(`${api.url}/api/nothing`)
    expect([lost.status, await lost.json()]).toEqual([404, { error: 'not_found' }])
    expect(accounts.size).toBe(0)
  })
})
