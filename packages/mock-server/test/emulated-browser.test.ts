import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createMockServer,
  HCAPTCHA_TEST_SECRET,
  RECAPTCHA_TEST_SECRET,
  TURNSTILE_DUMMY_TOKEN,
  TURNSTILE_TEST_SECRETS,
  type MockServer,
} from '../src/index'
import { launchChromium } from './chromium'
import { siteverify as siteverifyAt } from './helpers'
import { NONCE, startCustomerSite } from './customer-site'

let browser: Browser
let mock: MockServer
let site: Awaited<ReturnType<typeof startCustomerSite>>

const SCRIPTS = {
  turnstile: '/turnstile/v0/api.js',
  hcaptcha: '/hcaptcha/1/api.js',
  recaptcha: '/recaptcha/api.js',
} as const
const GLOBALS = { turnstile: 'turnstile', hcaptcha: 'hcaptcha', recaptcha: 'grecaptcha' }

/**
 * A page that loads one provider's script with `render=explicit` and its own `onload`, then
 * renders into #target with the query's `params` (JSON) and records every callback.
 */
function page(query: URLSearchParams): string {
  const provider = query.get('provider') as keyof typeof SCRIPTS
  const script = new URL(mock.url + SCRIPTS[provider])
  script.searchParams.set('render', query.get('render') ?? 'explicit')
  script.searchParams.set('onload', 'providerLoaded')
  if (query.get('hl')) script.searchParams.set('hl', query.get('hl')!)
  return `<!doctype html><html><head><meta charset="utf-8"><title>shop</title></head><body>
<div id="target"></div>
<script nonce="${NONCE}">
  window.events = []
  document.addEventListener('securitypolicyviolation', (e) => window.events.push('csp:' + e.violatedDirective))
  const record = (name) => (value) => { window.events.push(value === undefined ? name : name + ':' + value) }
  window.providerLoaded = () => {
    window.events.push('loaded')
    if (${JSON.stringify(query.get('render') ?? 'explicit')} !== 'explicit') return
    window.widgetId = window.${GLOBALS[provider]}.render(document.getElementById('target'), Object.assign(${query.get('params') ?? '{}'}, {
      callback: (token) => { window.token = token; window.events.push('token') },
      'error-callback': record('error'),
      'expired-callback': record('expired'),
      'close-callback': record('close'),
    }))
  }
</script>
<script nonce="${NONCE}" src="${script}"></script>
</body></html>`
}

beforeAll(async () => {
  mock = await createMockServer()
  site = await startCustomerSite(mock.url, page)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await mock?.close()
  await site?.close()
})

async function open(
  provider: keyof typeof SCRIPTS,
  params: object,
  extra: Record<string, string> = {},
) {
  const tab = await browser.newPage()
  tab.setDefaultTimeout(10_000)
  const query = new URLSearchParams({ provider, params: JSON.stringify(params), ...extra })
  await tab.goto(`${site.url}/?${query}`)
  await tab.waitForFunction(() =>
    (window as unknown as { events: string[] }).events.includes('loaded'),
  )
  return tab
}

const events = (tab: Page) => tab.evaluate(() => (window as unknown as { events: string[] }).events)

async function tokenFrom(tab: Page): Promise<string> {
  await tab.waitForFunction(() => (window as unknown as { token?: string }).token)
  return tab.evaluate(() => (window as unknown as { token: string }).token)
}

const siteverify = (path: string, fields: Record<string, string>) =>
  siteverifyAt(mock.url, path, fields)

describe('emulated providers in Chromium, on another origin under a strict CSP', () => {
  it('Turnstile: a managed widget solves on render; the token verifies once with hostname and action', async () => {
    const tab = await open('turnstile', { sitekey: '0x4AAAAAAAPasslineDemo', action: 'signup' })
    const token = await tokenFrom(tab)
    await expect(tab.getByRole('checkbox').getAttribute('aria-checked')).resolves.toBe('true')
    await expect(tab.getByRole('status').textContent()).resolves.toBe('Success!')
    // The form field Turnstile adds carries the token too.
    await expect(tab.locator('input[name="cf-turnstile-response"]').inputValue()).resolves.toBe(
      token,
    )
    const fields = { secret: '0x4AAAAAAAPasslineDemoSecret', response: token }
    expect(await siteverify('/turnstile/v0/siteverify', fields)).toMatchObject({
      success: true,
      hostname: '127.0.0.1',
      action: 'signup',
    })
    expect((await events(tab)).filter((event) => event.startsWith('csp:'))).toEqual([])
    await tab.close()
  })

  it('Turnstile: the interactive test key waits for the click, then hands out the dummy token', async () => {
    const tab = await open('turnstile', { sitekey: '3x00000000000000000000FF' })
    await tab.getByRole('checkbox', { name: 'I am human' }).click()
    expect(await tokenFrom(tab)).toBe(TURNSTILE_DUMMY_TOKEN)
    await expect(tab.getByText('For testing only.', { exact: false }).count()).resolves.toBe(1)
    expect(
      await siteverify('/turnstile/v0/siteverify', {
        secret: TURNSTILE_TEST_SECRETS.pass,
        response: TURNSTILE_DUMMY_TOKEN,
      }),
    ).toMatchObject({ success: true })
    await tab.close()
  })

  it('Turnstile: the always-fail key reports 600010 to error-callback', async () => {
    const tab = await open('turnstile', { sitekey: '2x00000000000000000000AB' })
    await tab.waitForFunction(() =>
      (window as unknown as { events: string[] }).events.includes('error:600010'),
    )
    await tab.close()
  })

  it('hCaptcha: the checkbox speaks German with hl=de, and the token verifies with its sitekey', async () => {
    const sitekey = 'a1b2c3d4-0000-4000-8000-passline0001'
    const tab = await open('hcaptcha', { sitekey, hl: 'de', theme: 'dark' })
    const check = tab.getByRole('checkbox', { name: 'Ich bin ein Mensch' })
    await check.click()
    const token = await tokenFrom(tab)
    await expect(check.getAttribute('aria-checked')).resolves.toBe('true')
    await expect(tab.locator('[data-theme="dark"]').count()).resolves.toBe(1)
    const fields = { secret: '0xPasslineDemoHcaptchaSecret', response: token, sitekey }
    expect(await siteverify('/hcaptcha/siteverify', fields)).toMatchObject({ success: true })
    expect(await siteverify('/hcaptcha/siteverify', fields)).toMatchObject({
      'error-codes': ['already-seen-response'],
    })
    await tab.close()
  })

  it('hCaptcha: execute({ async: true }) resolves with the response, or rejects when closed', async () => {
    const tab = await open('hcaptcha', {
      sitekey: '10000000-ffff-ffff-ffff-000000000001',
      size: 'invisible',
    })
    const result = await tab.evaluate(() => {
      const w = window as unknown as {
        hcaptcha: { execute(id: string, o: object): Promise<{ response: string; key: string }> }
        widgetId: string
      }
      return w.hcaptcha.execute(w.widgetId, { async: true })
    })
    expect(result.response).toBe('10000000-aaaa-bbbb-cccc-000000000001')
    expect(
      await siteverify('/hcaptcha/siteverify', {
        secret: HCAPTCHA_TEST_SECRET,
        response: result.response,
      }),
    ).toMatchObject({ success: true, hostname: 'dummy-key-pass' })
    await tab.close()

    const interactive = await open('hcaptcha', {
      sitekey: 'a1b2c3d4-0000-4000-8000-passline0001',
      size: 'invisible',
    })
    const closed = interactive.evaluate(() => {
      const w = window as unknown as {
        hcaptcha: { execute(id: string, o: object): Promise<unknown> }
        widgetId: string
      }
      return w.hcaptcha.execute(w.widgetId, { async: true }).catch((code: string) => code)
    })
    // An interactive key asks in a dialog, with the focus on its button.
    await interactive.getByRole('dialog', { name: 'Verify you are human' }).waitFor()
    await expect(interactive.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'I am human',
    )
    await interactive.keyboard.press('Escape')
    await expect(closed).resolves.toBe('challenge-closed')
    expect(await events(interactive)).toContain('close')
    await interactive.close()
  })

  it('reCAPTCHA v2: the test key shows its warning, speaks the script URL’s hl, and any token verifies', async () => {
    const tab = await open(
      'recaptcha',
      { sitekey: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI' },
      { hl: 'ja' },
    )
    await expect(
      tab.evaluate(() => (window as unknown as { widgetId: unknown }).widgetId),
    ).resolves.toBe(0)
    await expect(tab.getByText('テスト専用です。').count()).resolves.toBe(1)
    await tab.getByRole('checkbox', { name: '私は人間です' }).click()
    const token = await tokenFrom(tab)
    await expect(tab.locator('textarea[name="g-recaptcha-response"]').inputValue()).resolves.toBe(
      token,
    )
    expect(
      await siteverify('/recaptcha/api/siteverify', {
        secret: RECAPTCHA_TEST_SECRET,
        response: token,
      }),
    ).toMatchObject({ success: true, hostname: 'testkey.google.com' })
    await tab.close()
  })

  it('reCAPTCHA v3: render=<site key> shows the badge, and execute(siteKey, { action }) gives a score token', async () => {
    const siteKey = '6LPasslineDemoV3ScoreKey0000000000000000'
    const tab = await open('recaptcha', {}, { render: siteKey })
    await expect(tab.getByText('protected by reCAPTCHA', { exact: false }).count()).resolves.toBe(1)
    const token = await tab.evaluate(
      (key) =>
        (
          window as unknown as {
            grecaptcha: { execute(k: string, o: object): Promise<string> }
          }
        ).grecaptcha.execute(key, { action: 'checkout' }),
      siteKey,
    )
    expect(
      await siteverify('/recaptcha/api/siteverify', {
        secret: '6LPasslineDemoV3ScoreSecret000000000000',
        response: token,
      }),
    ).toMatchObject({ success: true, score: 0.9, action: 'checkout' })
    await tab.close()
  })
})
