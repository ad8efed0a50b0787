// routeProviders in Chromium: the providers' real script and API URLs answered from an
// emulator in this process, nothing else; and its teardown.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from '../src/index'
import { routeProviders } from '../src/playwright'
import { launchChromium } from './chromium'

const SCRIPTS = [
  'https://cdn.captcha-cdn.net/captchala-loader.js',
  'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
  'https://js.hcaptcha.com/1/api.js?render=explicit',
  'https://www.google.com/recaptcha/api.js?render=explicit',
]

let browser: Browser
let site: Server
let siteUrl: string

beforeAll(async () => {
  // A shop page loading every provider from its production URL.
  site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end(`<!doctype html><html><head><meta charset="utf-8"><title>shop</title>
${SCRIPTS.map((src) => `<script src="${src}"></script>`).join('\n')}</head><body><div id="box"></div></body></html>`)
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => site?.close(resolve))
})

/** A context that refuses, and records, every outside request nothing else answers. */
async function refusingContext(): Promise<{ context: BrowserContext; refused: string[] }> {
  const context = await browser.newContext()
  const refused: string[] = []
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    refused.push(route.request().url())
    return route.abort()
  })
  return { context, refused }
}

describe('routeProviders', () => {
  it('answers every provider at its real URL, and a pass token from the page validates in Node', async () => {
    const emulator = createEmulator()
    const { context, refused } = await refusingContext()
    await routeProviders(context, emulator)
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(siteUrl)
    const globals = await page.evaluate(() =>
      ['loadCaptchala', 'turnstile', 'hcaptcha', 'grecaptcha'].map(
        (name) => typeof (window as unknown as Record<string, unknown>)[name],
      ),
    )
    expect(globals).toEqual(['function', 'object', 'object', 'object'])
    // CaptchaLa's SDK from the CDN, its widget API derived from its own URL.
    const token = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const w = window as unknown as {
            loadCaptchala(ok: () => void, fail: (e: Error) => void): void
            Captchala: {
              init(c: object): {
                onSuccess(f: (r: { token: string }) => void): {
                  onError(f: (e: Error) => void): { appendTo(s: string): void }
                }
              }
            }
          }
          w.loadCaptchala(() => {
            w.Captchala.init({ appKey: 'test_pass_invisible', action: 'signup' })
              .onSuccess((result) => resolve(result.token))
              .onError(reject)
              .appendTo('#box')
          }, reject)
        }),
    )
    const validate = () =>
      emulator
        .handle(
          new Request('https://apiv1.captcha.la/v1/validate', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-app-key': 'test_pass_invisible',
              'x-app-secret': 'test_secret',
            },
            body: JSON.stringify({ pass_token: token }),
          }),
        )
        .then((response) => response.json() as Promise<{ data: Record<string, unknown> }>)
    expect((await validate()).data).toMatchObject({ valid: true, action: 'signup' })
    expect((await validate()).data).toMatchObject({ valid: false, error: 'token_consumed' })
    expect(refused).toEqual([])

    // Not the providers': the rest of their hosts, and everyone else's.
    for (const url of ['https://www.google.com/search?q=x', 'https://example.com/'])
      await page.evaluate((href) => fetch(href).catch(() => null), url)
    expect(refused).toEqual(['https://www.google.com/search?q=x', 'https://example.com/'])
    await context.close()
  })

  it('resolves with its teardown: after it, the providers are not answered', async () => {
    const { context, refused } = await refusingContext()
    const unroute = await routeProviders(context, createEmulator())
    const page = await context.newPage()
    await page.goto(siteUrl)
    expect(refused).toEqual([])
    await unroute()
    await page.reload()
    expect(refused.sort()).toEqual([...SCRIPTS].sort())
    await context.close()
  })
})
