// What only the SvelteKit sample has: the page is rendered on the server by its production
// server (`node build`), with a CSP nonce per response, and hydrated in the browser. (Its
// signup flows run with every other sample's in signup, providers and faults.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appUrl, openPage, startStack, statusIs, type Stack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

const url = (query: Record<string, string> = {}) => appUrl(stack, 'svelte-demo', query)

describe('svelte-demo, server-rendered', () => {
  it('sends the whole form with the captcha idle, a fresh nonce per response, and no secret', async () => {
    const responses = await Promise.all([fetch(url()), fetch(url())])
    const nonces: string[] = []
    for (const response of responses) {
      const html = await response.text()
      expect(html).toContain('<form id="signup"')
      expect(html).toMatch(/Captcha: (<!---->)?idle/)
      expect(html).toContain('<div id="captcha" class="captcha"></div>')
      expect(html).toContain('<option value="turnstile">Cloudflare Turnstile</option>')
      expect(html).not.toContain('test_secret')
      const policy = response.headers.get('content-security-policy') ?? ''
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
      expect(nonce).toBeTruthy()
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/)
      // The page reads the nonce from this tag and hands it to the CAPTCHA's loader.
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}"`)
      nonces.push(nonce!)
    }
    expect(new Set(nonces).size).toBe(2)
  })

  it('hydrates without warnings, keeps the server’s container, and mounts one widget with one script', async () => {
    const { page, log } = await openPage(stack.browser, 'svelte-demo-hydration')
    const loaderRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('captchala-loader.js')) loaderRequests.push(request.url())
    })
    // The container as the server sent it, before any script of the page ran.
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        ;(window as unknown as { ssrCaptcha: Element | null }).ssrCaptcha =
          document.querySelector('#captcha')
      }),
    )
    await page.goto(url({ lang: 'en' }))
    await statusIs(page, 'ready')
    await page.locator('#captcha .cl-check').waitFor()
    const kept = await page.evaluate(() => {
      const ssr = (window as unknown as { ssrCaptcha: Element | null }).ssrCaptcha
      return ssr !== null && ssr === document.querySelector('#captcha')
    })
    expect(kept).toBe(true)
    await expect(page.locator('.cl-check').count()).resolves.toBe(1)
    expect(loaderRequests).toHaveLength(1)
    expect(log.filter((line) => /console\.(warn|error)|pageerror/.test(line))).toEqual([])
    await page.close()
  })
})
