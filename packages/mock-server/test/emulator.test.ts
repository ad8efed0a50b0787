import { describe, expect, it } from 'vitest'
import {
  createEmulator,
  createManualClock,
  createMockServer,
  solveChallenge,
  solveProviderChallenge,
} from '../src/index'
import { auth } from './helpers'

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

const validateAt = (emulator: ReturnType<typeof createEmulator>, url: string, token: string) =>
  emulator
    .handle(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth() },
        body: JSON.stringify({ pass_token: token }),
      }),
    )
    .then((response) => response.json() as Promise<{ data: { valid: boolean; error?: string } }>)

describe('createEmulator: the emulator in-process, no server', () => {
  it("answers the providers' real URLs as the mock server answers its paths", async () => {
    const emulator = createEmulator()
    const get = async (url: string) => {
      const response = await emulator.handle(new Request(url))
      return { status: response.status, text: await response.text() }
    }
    expect((await get('https://cdn.captcha-cdn.net/captchala-loader.js')).text).toContain(
      'window.loadCaptchala',
    )
    expect((await get('https://cdn.captchala.com/captchala.js')).text).toContain('window.Captchala')
    // The widget's look: a stylesheet inlined as text (an empty one left it unstyled).
    expect((await get('https://cdn.captcha-cdn.net/captchala.css')).text).toContain('.cl-check')
    expect(
      (await get('https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit')).text,
    ).toContain('window.turnstile')
    expect((await get('https://js.hcaptcha.com/1/api.js')).text).toContain('window.hcaptcha')
    for (const host of ['www.google.com', 'www.recaptcha.net'])
      expect((await get(`https://${host}/recaptcha/api.js`)).text).toContain('window.grecaptcha')
    expect(
      await get('https://www.gstatic.com/recaptcha/releases/x/recaptcha__en.js'),
    ).toMatchObject({ status: 200 })
    // Only the providers' paths: the rest of google.com and hcaptcha.com is someone else's.
    expect(emulator.answers('https://www.google.com/search?q=x')).toBe(false)
    expect(emulator.answers('https://hcaptcha.com/pricing')).toBe(false)
    expect(emulator.answers('http://challenges.cloudflare.com/turnstile/v0/api.js')).toBe(false)
    for (const url of [
      'https://apiv1.captcha.la/v1/validate',
      'https://fallbackapiv1.captchala.com/api/validate',
      'https://api.hcaptcha.com/siteverify',
      'https://hcaptcha.com/siteverify',
      'https://www.google.com/recaptcha/api/siteverify',
      'https://challenges.cloudflare.com/turnstile/v0/siteverify',
    ])
      expect(emulator.answers(url), url).toBe(true)
  })

  it('validates at the real API hosts, once: a replay is token_consumed', async () => {
    const emulator = createEmulator()
    const { token } = await solveChallenge(emulator, { appKey: 'test_pass', action: 'signup' })
    const api = 'https://apiv1.captcha.la/v1/validate'
    expect((await validateAt(emulator, api, token)).data).toMatchObject({ valid: true })
    expect((await validateAt(emulator, api, token)).data).toEqual({
      valid: false,
      error: 'token_consumed',
    })
  })

  it("answers each provider's siteverify at its real host and at hCaptcha's legacy one", async () => {
    const emulator = createEmulator()
    for (const url of ['https://api.hcaptcha.com/siteverify', 'https://hcaptcha.com/siteverify']) {
      const { token } = await solveProviderChallenge(emulator, {
        provider: 'hcaptcha',
        siteKey: 'a1b2c3d4-0000-4000-8000-passline0001',
      })
      const answer = await emulator.handle(
        new Request(url, form({ secret: '0xPasslineDemoHcaptchaSecret', response: token })),
      )
      expect(await answer.json(), url).toMatchObject({ success: true, hostname: 'localhost' })
    }
  })

  it('accepts the tokens of another emulator with the same seed, and only those', async () => {
    const page = createEmulator({ seed: 'ci-run-42' })
    const { token } = await solveChallenge(page, { appKey: 'test_pass' })
    const api = 'https://apiv1.captcha.la/v1/validate'
    expect((await validateAt(createEmulator({ seed: 'other' }), api, token)).data).toEqual({
      valid: false,
      error: 'invalid_token',
    })
    expect((await validateAt(createEmulator(), api, token)).data.valid).toBe(false)
    const backend = createEmulator({ seed: 'ci-run-42' })
    expect((await validateAt(backend, api, token)).data.valid).toBe(true)
    // Each emulator keeps its own replay store.
    expect((await validateAt(backend, api, token)).data.error).toBe('token_consumed')
  })

  it("serves one emulator over HTTP too: a token validated in-process is spent for the server's callers", async () => {
    const clock = createManualClock()
    const emulator = createEmulator({ clock })
    const mock = await createMockServer({ emulator })
    try {
      expect(mock.emulator).toBe(emulator)
      const { token, expiresIn } = await solveChallenge(mock.url, { appKey: 'test_pass' })
      expect(
        (await validateAt(emulator, 'https://apiv1.captcha.la/v1/validate', token)).data.valid,
      ).toBe(true)
      expect((await validateAt(emulator, `${mock.url}/v1/validate`, token)).data.error).toBe(
        'token_consumed',
      )
      const { token: late } = await solveChallenge(emulator, { appKey: 'test_pass' })
      clock.advance(expiresIn * 1000)
      expect((await validateAt(emulator, `${mock.url}/v1/validate`, late)).data.error).toBe(
        'token_expired',
      )
    } finally {
      await mock.close()
    }
    await expect(createMockServer({ emulator, apps: [] })).rejects.toThrow(TypeError)
  })

  it('holds a never-ready session until the caller goes away, and answers HEAD without a body', async () => {
    const emulator = createEmulator()
    const gone = new AbortController()
    let settled = false
    const held = emulator
      .handle(
        new Request('https://cdn.captcha-cdn.net/captchala/v1/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ app_key: 'test_never_ready' }),
        }),
        { signal: gone.signal },
      )
      .finally(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(settled).toBe(false)
    gone.abort()
    await held
    const head = await emulator.handle(
      new Request('https://cdn.captcha-cdn.net/captchala-loader.js', { method: 'HEAD' }),
    )
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toMatch(/javascript/)
    expect(await head.text()).toBe('')
  })
})
