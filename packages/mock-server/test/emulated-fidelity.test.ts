// What the providers document and their popular clients rely on, each checked in Chromium on
// a customer's origin under a strict CSP: the ways other people's code calls the scripts.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createManualClock, createMockServer, type MockServer } from '../src/index'
import { launchChromium } from './chromium'
import { siteverify as siteverifyAt } from './helpers'
import { NONCE, startCustomerSite } from './customer-site'

const V3_KEY = '6LPasslineDemoV3ScoreKey0000000000000000'
const V3_SECRET = '6LPasslineDemoV3ScoreSecret000000000000'
const TURNSTILE_DEMO_KEY = '0x4AAAAAAAPasslineDemo'
const TURNSTILE_INTERACTIVE_TEST_KEY = '3x00000000000000000000FF'
const HCAPTCHA_INTERACTIVE_KEY = 'a1b2c3d4-0000-4000-8000-passline0001'

let browser: Browser
let mock: MockServer
let site: Awaited<ReturnType<typeof startCustomerSite>>

/** Each case's page: the script where the case puts it, and what it runs once loaded. */
const PAGES: Record<string, () => string> = {
  // Google's own snippet: `api.js?render=<key>` in <head>, before there is a body.
  'recaptcha-v3-in-head':
    () => `<!doctype html><html><head><meta charset="utf-8"><title>shop</title>
<script nonce="${NONCE}">window.events = []; window.addEventListener('error', (e) => window.events.push('error:' + e.message))</script>
<script nonce="${NONCE}" src="${mock.url}/recaptcha/api.js?render=${V3_KEY}"></script>
</head><body><p>checkout</p></body></html>`,
  // The v3 libraries' way: render with parameters only, then execute by the id.
  'recaptcha-v3-render-without-container': () =>
    page(
      `/recaptcha/api.js?render=explicit&onload=loaded`,
      `window.loaded = () => {
      window.widgetId = grecaptcha.render({ sitekey: '${V3_KEY}', badge: 'bottomleft' })
      window.events.push('rendered:' + window.widgetId)
    }`,
    ),
  'recaptcha-render-by-id': () =>
    page(
      `/recaptcha/api.js?render=explicit&onload=loaded`,
      `window.loaded = () => {
      window.widgetId = grecaptcha.render('target', { sitekey: '10000000-ffff-ffff-ffff-000000000001' })
      window.events.push('rendered')
    }`,
    ),
  'hcaptcha-render-by-id': () =>
    page(
      `/hcaptcha/1/api.js?render=explicit&onload=loaded`,
      `window.loaded = () => {
      window.widgetId = hcaptcha.render('target', { sitekey: '10000000-ffff-ffff-ffff-000000000001' })
      window.events.push('rendered')
    }`,
    ),
  // react-google-recaptcha-v3 with its own container: explicit render of the v3 key there.
  'recaptcha-v3-explicit-render-in-container': () =>
    page(
      `/recaptcha/api.js?render=explicit&onload=loaded`,
      `window.loaded = () => {
      window.widgetId = grecaptcha.render('target', {
        sitekey: '${V3_KEY}', size: 'invisible', badge: 'inline',
        'error-callback': () => window.events.push('error-callback'),
      })
      window.events.push('rendered')
    }`,
    ),
  // Turnstile's forced interactive key, its challenge left unsolved.
  'turnstile-timeout': () =>
    page(
      `/turnstile/v0/api.js?render=explicit&onload=loaded`,
      `window.loaded = () => {
      turnstile.render('#target', {
        sitekey: '${TURNSTILE_INTERACTIVE_TEST_KEY}',
        callback: () => window.events.push('token'),
        'timeout-callback': () => window.events.push('timeout'),
        'error-callback': (code) => { window.events.push('error:' + code); return true },
      })
      window.events.push('rendered')
    }`,
    ),
  // hCaptcha's challenge opened from code (`execute({ async: true })`) and left unanswered.
  'hcaptcha-challenge-expired': () =>
    page(
      `/hcaptcha/1/api.js?render=explicit&onload=loaded`,
      `window.loaded = () => {
      const id = hcaptcha.render('target', {
        sitekey: '${HCAPTCHA_INTERACTIVE_KEY}',
        'chalexpired-callback': () => window.events.push('chalexpired'),
        'error-callback': (code) => window.events.push('error:' + code),
      })
      window.events.push('rendered')
      window.run = () => hcaptcha.execute(id, { async: true }).then(
        (answer) => window.events.push('token'),
        (code) => window.events.push('rejected:' + code),
      )
    }`,
    ),
  'turnstile-render-by-selector-and-expiry': () =>
    page(
      `/turnstile/v0/api.js?render=explicit&onload=loaded`,
      `window.loaded = () => {
      turnstile.render('#target', {
        sitekey: '${TURNSTILE_DEMO_KEY}',
        'refresh-expired': 'manual',
        callback: (token) => { window.token = token; window.events.push('token') },
        'expired-callback': (token) => { window.expiredToken = token; window.events.push('expired') },
      })
      window.events.push('rendered')
    }`,
    ),
}

function page(script: string, onLoaded: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>shop</title></head><body>
<main><div id="target"></div></main>
<script nonce="${NONCE}">
  window.events = []
  window.addEventListener('error', (e) => window.events.push('error:' + e.message))
  ${onLoaded}
</script>
<script nonce="${NONCE}" src="${mock.url}${script}"></script>
</body></html>`
}

beforeAll(async () => {
  mock = await createMockServer()
  site = await startCustomerSite(mock.url, (query) => PAGES[query.get('case')!]!())
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await mock?.close()
  await site?.close()
})

type PageWindow = {
  events: string[]
  widgetId: number | string
  token?: string
  expiredToken?: string
  grecaptcha: { execute(id: number | string, options?: object): Promise<string> | undefined }
}

async function open(name: keyof typeof PAGES, setUp?: (tab: Page) => Promise<void>) {
  const tab = await browser.newPage()
  tab.setDefaultTimeout(10_000)
  await setUp?.(tab)
  await tab.goto(`${site.url}/?case=${name}`)
  return tab
}

const events = (tab: Page) => tab.evaluate(() => (window as unknown as PageWindow).events)

const siteverify = (path: string, fields: Record<string, string>) =>
  siteverifyAt(mock.url, path, fields)

describe('emulated scripts called the way others call them', () => {
  it('reCAPTCHA v3 loaded in <head> waits for the body, shows its badge, and scores', async () => {
    const tab = await open('recaptcha-v3-in-head')
    await tab.getByText('protected by reCAPTCHA', { exact: false }).waitFor()
    expect(await events(tab)).toEqual([])
    const token = await tab.evaluate(
      (key) =>
        new Promise<string>((resolve) =>
          (
            window as unknown as {
              grecaptcha: {
                ready(f: () => void): void
                execute(k: string, o: object): Promise<string>
              }
            }
          ).grecaptcha.ready(
            () =>
              void (window as unknown as PageWindow).grecaptcha
                .execute(key as never, { action: 'checkout' })!
                .then(resolve),
          ),
        ),
      V3_KEY,
    )
    expect(
      await siteverify('/recaptcha/api/siteverify', { secret: V3_SECRET, response: token }),
    ).toMatchObject({ success: true, action: 'checkout' })
    // The script's own client is id 0: execute without an id, or with 0, scores for its key.
    const byClient = await tab.evaluate(() =>
      Promise.all([
        (window as unknown as PageWindow).grecaptcha.execute(undefined as never, { action: 'a' }),
        (window as unknown as PageWindow).grecaptcha.execute(0, { action: 'b' }),
      ]),
    )
    for (const [index, action] of ['a', 'b'].entries()) {
      expect(
        await siteverify('/recaptcha/api/siteverify', {
          secret: V3_SECRET,
          response: byClient[index]!,
        }),
      ).toMatchObject({ success: true, action })
    }
    await tab.close()
  })

  it('grecaptcha.render(parameters) without a container, then execute(id, { action }) promises a score token', async () => {
    const tab = await open('recaptcha-v3-render-without-container')
    await tab.waitForFunction(() => (window as unknown as PageWindow).events.length > 0)
    expect(await events(tab)).toEqual(['rendered:0'])
    const token = await tab.evaluate(() => {
      const { grecaptcha, widgetId } = window as unknown as PageWindow
      const answer = grecaptcha.execute(widgetId, { action: 'signup' })
      return answer instanceof Promise ? answer : Promise.reject(new Error('not a promise'))
    })
    expect(
      await siteverify('/recaptcha/api/siteverify', { secret: V3_SECRET, response: token }),
    ).toMatchObject({ success: true, action: 'signup' })
    await tab.close()
  })

  it.each(['recaptcha-render-by-id', 'hcaptcha-render-by-id'] as const)(
    '%s: an element id string is a container, as the provider documents',
    async (name) => {
      const tab = await open(name)
      await tab.waitForFunction(() => (window as unknown as PageWindow).events.length > 0)
      expect(await events(tab)).toEqual(['rendered'])
      await expect(
        tab.locator('#target [role="checkbox"], #target button').count(),
      ).resolves.toBeGreaterThan(0)
      await tab.close()
    },
  )

  it('Turnstile: a selector is a container, and expired-callback receives the token that expired', async () => {
    const tab = await open('turnstile-render-by-selector-and-expiry', (page) =>
      page.clock.install(),
    )
    await tab.waitForFunction(() => (window as unknown as PageWindow).token)
    const token = await tab.evaluate(() => (window as unknown as PageWindow).token)
    // Turnstile tokens live 300 s.
    await tab.clock.runFor(301_000)
    await tab.waitForFunction(() => (window as unknown as PageWindow).events.includes('expired'))
    expect(await tab.evaluate(() => (window as unknown as PageWindow).expiredToken)).toBe(token)
    await tab.close()
  })
})

describe('fidelity: what the vendors document and the emulator used to get wrong', () => {
  it('reCAPTCHA v3 rendered explicitly into a container: no refused session, and a score token', async () => {
    const sessions: number[] = []
    // Listening before the page loads: its session may be asked for before `open` returns.
    const tab = await open('recaptcha-v3-explicit-render-in-container', async (page) => {
      page.on('response', (response) => {
        if (response.url().endsWith('/recaptcha/mock/session')) sessions.push(response.status())
      })
    })
    await tab.waitForFunction(() => (window as unknown as PageWindow).events.includes('rendered'))
    const token = await tab.evaluate(() => {
      const { grecaptcha, widgetId } = window as unknown as PageWindow
      return grecaptcha.execute(widgetId, { action: 'signup' })!
    })
    await expect.poll(() => sessions).toEqual([200])
    expect(await events(tab)).toEqual(['rendered'])
    expect(
      await siteverify('/recaptcha/api/siteverify', { secret: V3_SECRET, response: token }),
    ).toMatchObject({ success: true, action: 'signup' })
    await tab.close()
  })

  it("Turnstile: an interactive challenge left unsolved fires timeout-callback, then refreshes (refresh-timeout: 'auto')", async () => {
    let shown: Promise<unknown> = Promise.resolve()
    const challenges: string[] = []
    const tab = await open('turnstile-timeout', async (page) => {
      await page.clock.install()
      page.on('request', (request) => {
        if (request.url().endsWith('/turnstile/mock/challenge')) challenges.push(request.url())
      })
      shown = page.waitForResponse((response) => response.url().endsWith('/mock/challenge'))
    })
    await tab.getByRole('checkbox').waitFor()
    await shown
    expect(challenges).toHaveLength(1)
    await tab.clock.runFor(119_000)
    expect(await events(tab)).toEqual(['rendered'])
    await tab.clock.runFor(2_000)
    await expect.poll(() => events(tab)).toEqual(['rendered', 'timeout'])
    // A fresh challenge, which a click then solves.
    await expect.poll(() => challenges.length).toBe(2)
    await tab.getByRole('checkbox').click()
    await expect.poll(() => events(tab)).toEqual(['rendered', 'timeout', 'token'])
    await tab.close()
  })

  it('hCaptcha: a challenge left unanswered fires chalexpired-callback and rejects execute with challenge-expired', async () => {
    const tab = await open('hcaptcha-challenge-expired', (page) => page.clock.install())
    await tab.waitForFunction(() => (window as unknown as PageWindow).events.includes('rendered'))
    const shown = tab.waitForResponse((response) => response.url().endsWith('/mock/challenge'))
    await tab.evaluate(() => void (window as unknown as { run(): Promise<void> }).run())
    await tab.getByRole('dialog').waitFor()
    await shown
    await tab.clock.runFor(119_000)
    expect(await events(tab)).toEqual(['rendered'])
    await tab.clock.runFor(2_000)
    await expect
      .poll(() => events(tab))
      .toEqual(['rendered', 'chalexpired', 'rejected:challenge-expired'])
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
    await tab.close()
  })

  it("the emulator's clock decides: a challenge solved after it timed out there is refused as timed out", async () => {
    const clock = createManualClock()
    const timed = await createMockServer({ clock })
    const timedSite = await startCustomerSite(
      timed.url,
      () => `<!doctype html><html><head><meta charset="utf-8"><title>shop</title></head><body>
<main><div id="target"></div></main>
<script nonce="${NONCE}">
  window.events = []
  window.loaded = () => {
    const id = hcaptcha.render('target', {
      sitekey: '${HCAPTCHA_INTERACTIVE_KEY}',
      'chalexpired-callback': () => window.events.push('chalexpired'),
      callback: () => window.events.push('token'),
    })
    hcaptcha.execute(id)
  }
</script>
<script nonce="${NONCE}" src="${timed.url}/hcaptcha/1/api.js?render=explicit&onload=loaded"></script>
</body></html>`,
    )
    try {
      const tab = await browser.newPage()
      tab.setDefaultTimeout(10_000)
      const shown = tab.waitForResponse((response) => response.url().endsWith('/mock/challenge'))
      await tab.goto(timedSite.url)
      await shown
      // The page's own timer has not run out; the emulator's clock has.
      clock.advance(121_000)
      await tab.getByRole('dialog').getByRole('button', { name: 'I am human' }).click()
      await expect.poll(() => events(tab)).toEqual(['chalexpired'])
      await tab.close()
    } finally {
      await timedSite.close()
      await timed.close()
    }
  })
})

describe('the front page', () => {
  it('has no axe violations', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8')
    const tab = await browser.newPage()
    await tab.goto(mock.url)
    await tab.locator('.cl-check').waitFor()
    await tab.addScriptTag({ content: axeSource })
    const violations = await tab.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }
      ).axe
      return (await axe.run()).violations.map((violation) => violation.id)
    })
    expect(violations).toEqual([])
    await tab.close()
  })
})
