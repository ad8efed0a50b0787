import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockServer, type MockServer } from '../src/index'
import { launchChromium } from './chromium'
import { NONCE, startCustomerSite } from './customer-site'
import { validate } from './helpers'

let browser: Browser
let mock: MockServer
let site: Awaited<ReturnType<typeof startCustomerSite>>
let siteUrl: string

/**
 * The customer's page: another origin than the mock, under a strict CSP that only lets in
 * scripts and styles carrying the nonce, so the loader must pass its nonce on.
 */
function page(query: URLSearchParams): string {
  const config = {
    appKey: query.get('app') ?? 'test_pass',
    product: query.get('product') ?? 'embed',
    lang: query.get('lang') ?? 'en',
    theme: query.get('theme') ?? 'light',
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>shop</title></head><body>
<div id="target"></div><button id="bound" type="button">Pay now</button>
<script nonce="${NONCE}" src="${mock.url}/captchala-loader.js"></script>
<script nonce="${NONCE}">
  window.events = []
  document.addEventListener('securitypolicyviolation', (e) => window.events.push('csp:' + e.violatedDirective))
  const config = ${JSON.stringify(config)}
  loadCaptchala(() => {
    window.widget = Captchala.init(config)
      .onReady(() => window.events.push('ready'))
      .onSuccess((result) => { window.result = result; window.events.push('success') })
      .onError((error) => window.events.push('error:' + error.code))
      .onClose(() => window.events.push('close'))
    if (config.product === 'bind') window.widget.bindTo('#bound')
    else window.widget.appendTo('#target')
  }, (error) => window.events.push('load-error:' + error.code))
</script></body></html>`
}

beforeAll(async () => {
  mock = await createMockServer()
  site = await startCustomerSite(mock.url, page)
  siteUrl = site.url
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await mock?.close()
  await site?.close()
})

async function open(query: Record<string, string>): Promise<Page> {
  const tab = await browser.newPage()
  tab.setDefaultTimeout(10_000)
  await tab.goto(`${siteUrl}/?${new URLSearchParams(query)}`)
  await tab.waitForFunction(() =>
    (window as unknown as { events: string[] }).events.includes('ready'),
  )
  return tab
}

async function tokenFrom(tab: Page): Promise<string> {
  await tab.waitForFunction(() => (window as unknown as { result?: unknown }).result)
  return tab.evaluate(() => (window as unknown as { result: { token: string } }).result.token)
}

const events = (tab: Page) => tab.evaluate(() => (window as unknown as { events: string[] }).events)

describe('the widget in Chromium', () => {
  it('embed: a click solves the challenge, and the token validates', async () => {
    const tab = await open({ product: 'embed' })
    const check = tab.locator('#target .cl-check')
    await expect(check.textContent()).resolves.toBe("I'm not a robot")
    await check.click()
    const token = await tokenFrom(tab)
    expect(token).toMatch(/^pt_/)
    await tab.locator('#target [data-state="verified"]').waitFor()
    await expect(tab.locator('#target .cl-status').textContent()).resolves.toBe('Verified')
    expect((await validate(mock.url, { pass_token: token })).body.data).toMatchObject({
      valid: true,
      captcha_args: { user_ip: '127.0.0.1', referer: expect.stringContaining(siteUrl) },
    })
    // The loader passed its nonce on: nothing was blocked by the strict CSP.
    expect((await events(tab)).filter((event) => event.startsWith('csp:'))).toEqual([])
    // Browsers blank the attribute once the tag is in the document; the property keeps it.
    const sdkNonce = await tab
      .locator('script[src$="captchala.js"]')
      .evaluate((tag) => (tag as HTMLScriptElement).nonce)
    expect(sdkNonce).toBe(NONCE)
    await tab.close()
  })

  it('popup: verify() opens an accessible dialog that the keyboard can solve', async () => {
    const tab = await open({ product: 'popup' })
    await tab.evaluate(() => (window as unknown as { widget: { verify(): void } }).widget.verify())
    const dialog = tab.getByRole('dialog', { name: 'Verify you are human' })
    await dialog.waitFor()
    // Focus moved into the dialog: Enter presses the check button.
    await expect(tab.evaluate(() => document.activeElement?.className)).resolves.toBe('cl-check')
    await tab.keyboard.press('Enter')
    const token = await tokenFrom(tab)
    await dialog.waitFor({ state: 'detached' })
    expect((await validate(mock.url, { pass_token: token })).body.data.valid).toBe(true)
    await tab.close()
  })

  it('popup: Escape closes the dialog and reports close', async () => {
    const tab = await open({ product: 'popup' })
    await tab.evaluate(() => (window as unknown as { widget: { verify(): void } }).widget.verify())
    await tab.getByRole('dialog').waitFor()
    await tab.keyboard.press('Escape')
    await tab.getByRole('dialog').waitFor({ state: 'detached' })
    expect(await events(tab)).toContain('close')
    await tab.close()
  })

  it('float: shows a floating badge, and verify() asks for the click', async () => {
    const tab = await open({ product: 'float' })
    await expect(tab.locator('.cl-float').isVisible()).resolves.toBe(true)
    await tab.evaluate(() => (window as unknown as { widget: { verify(): void } }).widget.verify())
    await tab.getByRole('dialog').getByRole('button', { name: "I'm not a robot" }).click()
    const token = await tokenFrom(tab)
    expect((await validate(mock.url, { pass_token: token })).body.data.valid).toBe(true)
    await tab.close()
  })

  it('bind: the bound button starts the challenge instead of its own action', async () => {
    const tab = await open({ product: 'bind' })
    await tab.locator('#bound').click()
    await tab.getByRole('dialog').getByRole('button', { name: "I'm not a robot" }).click()
    const token = await tokenFrom(tab)
    expect((await validate(mock.url, { pass_token: token })).body.data.valid).toBe(true)
    await tab.close()
  })

  it('speaks Japanese, and an invisible key solves without a click', async () => {
    const tab = await open({
      product: 'embed',
      lang: 'ja',
      app: 'test_pass_invisible',
      theme: 'dark',
    })
    const token = await tokenFrom(tab)
    await expect(tab.locator('#target .cl-status').textContent()).resolves.toBe('確認しました')
    await expect(tab.locator('#target .cl-widget').getAttribute('lang')).resolves.toBe('ja')
    await expect(tab.locator('#target .cl-theme-dark').count()).resolves.toBe(1)
    expect(
      (await validate(mock.url, { pass_token: token }, 'test_pass_invisible')).body.data.valid,
    ).toBe(true)
    await tab.close()
  })

  it('reports a failed challenge as an error with its code', async () => {
    const tab = await open({ product: 'embed', app: 'test_fail' })
    await tab.locator('#target .cl-check').click()
    await tab.waitForFunction(() =>
      (window as unknown as { events: string[] }).events.includes('error:challenge_failed'),
    )
    await expect(tab.locator('#target [data-state="failed"]').count()).resolves.toBe(1)
    await tab.close()
  })
})
