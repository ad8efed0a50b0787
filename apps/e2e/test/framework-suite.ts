// The same checks for every framework sample served by its own production server: the
// server-rendered HTML, hydration without warnings, signup through each of the app's paths, a
// replayed token refused, and the escalation with a server token.
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'
import { freshEmail } from './emails'
import type { RunningApp } from './node-server'

export interface FrameworkSample {
  name: string
  /** Starts the built app against the mock at `mockUrl`. */
  start(mockUrl: string): Promise<RunningApp>
  /** The submit buttons, one per server path (server action, route handler, ...). */
  submits: Record<string, string>
  /** More checks of this app alone, given the mock's and the app's URLs. */
  extra?: (urls: () => { mock: string; app: string }) => void
}

export function frameworkSuite(sample: FrameworkSample) {
  let mock: MockServer
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    mock = await createMockServer()
    app = await sample.start(mock.url)
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await mock?.close()
  })

  /** A page that records the framework's and the browser's warnings and errors. */
  async function openPage(): Promise<{ page: Page; warnings: string[] }> {
    const page = await browser.newPage()
    page.setDefaultTimeout(15_000)
    const warnings: string[] = []
    page.on('console', (message) => {
      if (['warning', 'error'].includes(message.type())) warnings.push(message.text())
    })
    page.on('pageerror', (error) => warnings.push(error.message))
    await page.goto(app.url)
    await page.locator('#status', { hasText: 'Captcha: ready' }).waitFor()
    return { page, warnings }
  }

  async function signUp(page: Page, submit: string, email = freshEmail(sample.name)) {
    await page.fill('input[name=email]', email)
    await page.click(submit)
    return email
  }

  describe(`${sample.name}, built for production`, () => {
    it('server-renders the form with the captcha idle, and no secret', async () => {
      const html = await (await fetch(app.url)).text()
      expect(html).toContain('<form id="signup"')
      expect(html).toMatch(/Captcha: (<!-- -->)?idle/)
      expect(html).not.toContain('test_secret')
    })

    it.each(Object.entries(sample.submits))(
      'hydrates without warnings and signs up through the %s',
      async (_path, submit) => {
        const { page, warnings } = await openPage()
        const email = await signUp(page, submit)
        await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
        expect(warnings).toEqual([])
        await page.close()
      },
    )

    sample.extra?.(() => ({ mock: mock.url, app: app.url }))

    it('escalates after repeated failures, and a challenge with the server token then passes', async () => {
      const { page } = await openPage()
      const submit = Object.values(sample.submits)[0]!
      const taken = await signUp(page, submit)
      await page.locator('#result', { hasText: 'Welcome' }).waitFor()
      for (const expected of ['email_taken', 'email_taken', 'One more check']) {
        await signUp(page, submit, taken)
        await page.locator('#result', { hasText: expected }).waitFor()
      }
      await signUp(page, submit)
      await page.locator('#result', { hasText: 'Welcome' }).waitFor()
      await page.close()
    })

    // Last: the refused replay counts against this client (127.0.0.1) for the policy's 15
    // minutes, and a plain success no longer clears that, so the escalation above starts clean.
    it('refuses a replayed token', async () => {
      const { token } = await solveChallenge(mock.url, {
        appKey: 'test_pass_invisible',
        action: 'signup',
      })
      const post = () =>
        fetch(`${app.url}/api/signup`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: freshEmail(sample.name), captchaToken: token }),
        })
      expect((await post()).status).toBe(201)
      const replay = await post()
      expect(replay.status).toBe(403)
      expect(await replay.json()).toMatchObject({
        ok: false,
        message: 'Signup refused: token_consumed',
      })
    })
  })
}
