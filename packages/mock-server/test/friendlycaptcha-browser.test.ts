// Friendly Captcha in Chromium, everything on its real hosts through routeProviders: the real
// @friendlycaptcha/sdk, unchanged, against the emulated API (its frames, the widget's calls,
// siteverify); the emulated site script beside it, event for event; and Passline's adapter
// with its default script URL.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator, FRIENDLY_DEMO_API_KEY, type Emulator } from '../src/index'
import { routeProviders } from '../src/playwright'
import { launchChromium } from './chromium'

const require = createRequire(import.meta.url)
const REAL_SDK = readFileSync(
  join(dirname(require.resolve('@friendlycaptcha/sdk')), 'site.min.js'),
  'utf8',
)
const CDN_SCRIPT = 'https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk@1.0.2/site.min.js'
const SITE_KEY = 'FCMPASSLINEDEMO1'

let browser: Browser
let site: Server
let siteUrl: string
let passline: string

/**
 * The shop: `/real` loads the real SDK (served here, as a bundler would), `/emulated` the
 * site script from its CDN URL, `/passline` Passline's core; each page records every
 * `frc:widget.*` event as `name:state` (with the error's code).
 */
function shopPage(path: string): string {
  if (path === '/attach')
    return `<!doctype html><html><head><meta charset="utf-8"><title>shop</title></head><body>
<form><div class="frc-captcha" data-sitekey="${SITE_KEY}" data-start="auto" data-lang="de"></div></form>
<script src="${CDN_SCRIPT}"></script></body></html>`
  const script =
    path === '/real'
      ? '<script src="/vendor/site.min.js"></script>'
      : path === '/emulated'
        ? `<script src="${CDN_SCRIPT}"></script>`
        : '<script src="/vendor/passline.js"></script>'
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>
<form id="form"><label>Email <input name="email"></label><div id="captcha"></div></form>
<script>
  window.events = []
  for (const name of ['statechange', 'complete', 'expire', 'error', 'reset'])
    document.addEventListener('frc:widget.' + name, (event) => {
      const { state, error } = event.detail
      window.events.push(name + ':' + state + (error ? ':' + error.code : ''))
    })
</script>
${script}
</body></html>`
}

beforeAll(async () => {
  const bundled = await build({
    stdin: {
      contents: "export { createCaptcha } from '@passline/core'",
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    },
    bundle: true,
    format: 'iife',
    globalName: 'Passline',
    write: false,
    logLevel: 'silent',
  })
  passline = bundled.outputFiles[0]!.text
  site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const vendor = { '/vendor/site.min.js': REAL_SDK, '/vendor/passline.js': passline }[path]
    response.writeHead(200, {
      'content-type': vendor ? 'text/javascript' : 'text/html; charset=utf-8',
    })
    response.end(vendor ?? shopPage(path))
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => site?.close(resolve))
})

/** A page of the shop, the providers routed to `emulator` and every other outside host refused. */
async function open(path: string, emulator: Emulator) {
  const context = await browser.newContext()
  const refused: string[] = []
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    refused.push(route.request().url())
    return route.abort()
  })
  await routeProviders(context, emulator)
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  await page.goto(siteUrl + path)
  return { page, refused, close: () => context.close() }
}

type CreateOptions = { sitekey?: string; startMode?: string; apiEndpoint?: string }

/** `frcaptcha.createWidget` into #captcha; `window.widget` is its handle. */
const createWidget = (page: Page, options: CreateOptions) =>
  page.evaluate((options) => {
    const w = window as unknown as {
      frcaptcha: { createWidget(o: object): unknown }
      widget: unknown
    }
    w.widget = w.frcaptcha.createWidget({ element: document.getElementById('captcha'), ...options })
  }, options)

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { events: string[] }).events)

/** Waits for the `count`-th event `name`, and returns the widget's response. */
async function waitFor(page: Page, name: string, count = 1): Promise<string> {
  await page.waitForFunction(
    ({ name, count }) =>
      (window as unknown as { events: string[] }).events.filter((e) => e.startsWith(name)).length >=
      count,
    { name, count },
  )
  return page.evaluate(() =>
    (window as unknown as { widget: { getResponse(): string } }).widget.getResponse(),
  )
}

const call = (page: Page, method: 'start' | 'reset' | 'destroy') =>
  page.evaluate(
    (method) => (window as unknown as { widget: Record<string, () => void> }).widget[method]!(),
    method,
  )

/** Siteverify at Friendly Captcha's real URL, answered by the emulator. */
async function siteverify(emulator: Emulator, response: string, host = 'global') {
  const answer = await emulator.handle(
    new Request(`https://${host}.frcapi.com/api/v2/captcha/siteverify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': FRIENDLY_DEMO_API_KEY },
      body: JSON.stringify({ response, sitekey: SITE_KEY }),
    }),
  )
  return (await answer.json()) as Record<string, unknown>
}

describe('the real @friendlycaptcha/sdk against the emulated API', () => {
  it('completes in its frames from global.frcapi.com; the response verifies once, with the page origin', async () => {
    const emulator = createEmulator()
    const { page, refused, close } = await open('/real', emulator)
    await createWidget(page, { sitekey: SITE_KEY, startMode: 'auto' })
    const response = await waitFor(page, 'complete')
    expect(response).toMatch(/^frc2\./)
    // The SDK's own hidden field carries it, and its frames came from the API host.
    await expect(page.locator('input[name="frc-captcha-response"]').inputValue()).resolves.toBe(
      response,
    )
    const frames = page.frames().map((frame) => new URL(frame.url()))
    expect(frames.map((url) => url.origin + url.pathname).sort()).toEqual([
      `${siteUrl}/real`,
      'https://global.frcapi.com/api/v2/captcha/agent',
      'https://global.frcapi.com/api/v2/captcha/widget',
    ])
    // Created in `init`, the state it starts in: no change to tell.
    expect(await events(page)).toEqual([
      'statechange:unactivated',
      'statechange:requesting',
      'statechange:completed',
      'complete:completed',
    ])
    expect(await siteverify(emulator, response)).toMatchObject({
      success: true,
      data: { challenge: { origin: siteUrl } },
    })
    expect(await siteverify(emulator, response)).toMatchObject({
      success: false,
      error: { error_code: 'response_duplicate' },
    })
    expect(refused).toEqual([])
    await close()
  })

  it('starts on focus in its form, resets, and starts again from start(); on the EU endpoint', async () => {
    const emulator = createEmulator()
    const { page, refused, close } = await open('/real', emulator)
    await createWidget(page, { sitekey: SITE_KEY, apiEndpoint: 'eu' })
    await waitFor(page, 'statechange:unactivated')
    expect(await events(page)).not.toContain('complete:completed')
    await page.getByLabel('Email').focus()
    const first = await waitFor(page, 'complete')
    await call(page, 'reset')
    await waitFor(page, 'statechange:unactivated', 2)
    await call(page, 'start')
    const second = await waitFor(page, 'complete', 2)
    expect(second).not.toBe(first)
    expect((await events(page)).slice(4)).toEqual([
      'statechange:reset',
      'reset:reset',
      'statechange:unactivated',
      'statechange:requesting',
      'statechange:completed',
      'complete:completed',
    ])
    expect(page.frames().some((frame) => frame.url().startsWith('https://eu.frcapi.com/'))).toBe(
      true,
    )
    expect(await siteverify(emulator, second, 'eu')).toMatchObject({ success: true })
    expect(refused).toEqual([])
    await close()
  })

  it('reports the failing demo key as other, and an unknown site key as sitekey_invalid', async () => {
    const emulator = createEmulator()
    for (const [sitekey, code] of [
      ['FCMPASSLINEFAILS', 'other'],
      ['FCMUNKNOWN000000', 'sitekey_invalid'],
    ]) {
      const { page, close } = await open('/real', emulator)
      await createWidget(page, { sitekey, startMode: 'auto' })
      await waitFor(page, 'error')
      expect(await events(page)).toContain(`error:error:${code}`)
      await close()
    }
  })
})

describe('the emulated site script beside the real SDK', () => {
  // The public API the SDK's .d.ts declares for `window.frcaptcha` and a widget handle.
  const SDK_API = [
    'attach',
    'createWidget',
    'riskIntelligence',
    'clearRiskIntelligence',
    'getAllWidgets',
    'getWidgetById',
    'getAllRiskIntelligenceHandles',
    'clear',
  ]
  const HANDLE_API = [
    'reset',
    'destroy',
    'start',
    'setState',
    'addEventListener',
    'removeEventListener',
    'getState',
    'getResponse',
    'getElement',
  ]

  /** One run of the same calls: start, reset, start again, destroy; what the page heard. */
  async function run(path: string) {
    const emulator = createEmulator()
    const { page, refused, close } = await open(path, emulator)
    const api = await page.evaluate(
      ({ sdkApi, handleApi }) => {
        const w = window as unknown as {
          frcaptcha: Record<string, unknown> & { createWidget(o: object): Record<string, unknown> }
          probe: Record<string, unknown>
        }
        const element = document.body.appendChild(document.createElement('div'))
        const probe = w.frcaptcha.createWidget({ element, sitekey: 'FCMPASSLINEDEMO1' })
        const shape = {
          sdk: sdkApi.filter((name) => typeof w.frcaptcha[name] === 'function'),
          handle: handleApi.filter((name) => typeof probe[name] === 'function'),
          fields: [typeof probe.id, typeof probe.sitekey, probe.startMode, typeof probe.ready],
          attached: w.frcaptcha.attached instanceof Promise,
        }
        ;(probe.destroy as () => void)()
        return shape
      },
      { sdkApi: SDK_API, handleApi: HANDLE_API },
    )
    await page.evaluate(() => ((window as unknown as { events: string[] }).events.length = 0))
    await createWidget(page, { sitekey: SITE_KEY, startMode: 'none' })
    await waitFor(page, 'statechange:unactivated')
    await call(page, 'start')
    const response = await waitFor(page, 'complete')
    await call(page, 'reset')
    await waitFor(page, 'statechange:unactivated', 2)
    await call(page, 'start')
    await waitFor(page, 'complete', 2)
    await call(page, 'destroy')
    const heard = await events(page)
    const field = await page.locator('input[name="frc-captcha-response"]').count()
    const answer = await siteverify(emulator, response)
    const verified = [
      answer.success,
      (answer.data as { challenge: { origin: string } }).challenge.origin,
    ]
    await close()
    expect(refused).toEqual([])
    return { api, heard, field, verified }
  }

  it('has the same API, fires the same events for the same calls, and its response verifies the same', async () => {
    const real = await run('/real')
    const emulated = await run('/emulated')
    expect(real.api).toEqual({
      sdk: SDK_API,
      handle: HANDLE_API,
      fields: ['string', 'string', 'focus', 'object'],
      attached: true,
    })
    expect(emulated).toEqual(real)
    expect(real.heard).toEqual([
      'statechange:unactivated',
      'statechange:requesting',
      'statechange:completed',
      'complete:completed',
      'statechange:reset',
      'reset:reset',
      'statechange:unactivated',
      'statechange:requesting',
      'statechange:completed',
      'complete:completed',
      'statechange:destroyed',
    ])
    expect(real.field).toBe(0)
    expect(real.verified).toEqual([true, siteUrl])
  })

  it('draws the widget in the page: a labelled checkbox, and interactive mode waits for its click', async () => {
    const emulator = createEmulator()
    const { page, close } = await open('/emulated', emulator)
    await createWidget(page, { sitekey: 'FCMPASSLINECLICK', startMode: 'auto' })
    await waitFor(page, 'statechange:activated')
    expect(await events(page)).not.toContain('complete:completed')
    await page.getByRole('checkbox', { name: 'I am human' }).click()
    const response = await waitFor(page, 'complete')
    await expect(page.getByRole('status').textContent()).resolves.toBe('Success!')
    const answer = await emulator.handle(
      new Request('https://global.frcapi.com/api/v2/captcha/siteverify', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': FRIENDLY_DEMO_API_KEY },
        body: JSON.stringify({ response }),
      }),
    )
    expect(await answer.json()).toMatchObject({ success: true })
    await close()
  })

  it('attaches .frc-captcha elements with their data attributes when the document loads', async () => {
    const emulator = createEmulator()
    const { page, close } = await open('/attach', emulator)
    await page.getByRole('checkbox', { name: 'Ich bin ein Mensch' }).waitFor()
    await page.waitForFunction(
      () =>
        (document.querySelector('input[name="frc-captcha-response"]') as HTMLInputElement)?.value
          .length > 20,
    )
    await close()
  })
})

describe('Passline with Friendly Captcha, on its production script URL', () => {
  it('getToken() resolves with a response that verifies', async () => {
    const emulator = createEmulator()
    const { page, refused, close } = await open('/passline', emulator)
    const token = await page.evaluate(async () => {
      const { createCaptcha } = (
        window as unknown as {
          Passline: {
            createCaptcha(o: object): { mount(e: Element): void; getToken(): Promise<string> }
          }
        }
      ).Passline
      const captcha = createCaptcha({ provider: 'friendlycaptcha', siteKey: 'FCMPASSLINEDEMO1' })
      captcha.mount(document.getElementById('captcha')!)
      return captcha.getToken()
    })
    expect(await siteverify(emulator, token)).toMatchObject({ success: true })
    expect(refused).toEqual([])
    await close()
  })
})
