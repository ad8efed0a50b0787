// The emulator inside the page, with no server at all: MSW's service worker answers the
// providers' real hosts (scripts, widget calls, validation) from it. A CaptchaLa pass token
// and a Turnstile token, each got by the provider's own script from its production URL, then
// checked at the real validation URLs, once.
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from '../src/index'
import { providerHandlers } from '../src/msw'

const outside: string[] = []
const worker = setupWorker(...providerHandlers(createEmulator()))

beforeAll(async () => {
  await worker.start({
    quiet: true,
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).origin === location.origin) return
      outside.push(request.url)
      print.error()
    },
  })
})
afterAll(() => worker.stop())

/** Loads a script from `src`, as a page's `<script>` tag does. */
function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = () => resolve()
    script.onerror = () => reject(new Error(`${src} did not load`))
    document.head.appendChild(script)
  })
}

type Pages = typeof window & {
  loadCaptchala(ok: () => void, fail: (error: Error) => void): void
  Captchala: {
    init(config: object): {
      onSuccess(f: (result: { token: string }) => void): {
        onError(f: (error: Error) => void): { appendTo(target: Element): void }
      }
    }
  }
  turnstile: { render(target: Element, params: object): string }
}
const page = window as Pages

async function post(url: string, body: BodyInit, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body })
  return (await response.json()) as Record<string, unknown>
}

describe('MSW in the page (setupWorker), no server running', () => {
  it("gets a CaptchaLa pass token from the real CDN's loader, valid once at the real API", async () => {
    await loadScript('https://cdn.captcha-cdn.net/captchala-loader.js')
    const token = await new Promise<string>((resolve, reject) =>
      page.loadCaptchala(() => {
        page.Captchala.init({ appKey: 'test_pass_invisible', action: 'signup' })
          .onSuccess((result) => resolve(result.token))
          .onError(reject)
          .appendTo(document.body.appendChild(document.createElement('div')))
      }, reject),
    )
    expect(token).toMatch(/^pt_/)
    const validate = () =>
      post('https://apiv1.captcha.la/v1/validate', JSON.stringify({ pass_token: token }), {
        'content-type': 'application/json',
        'x-app-key': 'test_pass_invisible',
        'x-app-secret': 'test_secret',
      })
    expect(await validate()).toMatchObject({ code: 0, data: { valid: true, action: 'signup' } })
    expect(await validate()).toMatchObject({ data: { valid: false, error: 'token_consumed' } })
  })

  it("gets a Turnstile token from challenges.cloudflare.com's api.js, verified once by siteverify", async () => {
    await loadScript('https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit')
    const token = await new Promise<string>((resolve, reject) =>
      page.turnstile.render(document.body.appendChild(document.createElement('div')), {
        sitekey: '0x4AAAAAAAPasslineDemo',
        action: 'checkout',
        callback: resolve,
        'error-callback': reject,
      }),
    )
    const siteverify = () =>
      post(
        'https://challenges.cloudflare.com/turnstile/v0/siteverify',
        new URLSearchParams({ secret: '0x4AAAAAAAPasslineDemoSecret', response: token }),
        { 'content-type': 'application/x-www-form-urlencoded' },
      )
    expect(await siteverify()).toMatchObject({
      success: true,
      action: 'checkout',
      hostname: location.hostname,
    })
    expect(await siteverify()).toMatchObject({
      success: false,
      'error-codes': ['timeout-or-duplicate'],
    })
  })

  it('reached nothing outside the page', () => {
    expect(outside).toEqual([])
  })
})
