import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshEmail } from './emails'
import { APPS } from './apps'
import { advanceUntil, appUrl, openPage, startStack, statusIs, type Stack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

async function signUp(page: Page, email = freshEmail('user')) {
  await page.fill('input[name=email]', email)
  await page.click('#submit')
  return email
}

const appNames = APPS.map((app) => app.name)

describe.each(appNames)('%s', (app) => {
  const url = (query: Record<string, string> = {}) => appUrl(stack, app, query)

  it('solves the embedded widget and signs up', async () => {
    const { page } = await openPage(stack.browser, `${app}-embed`)
    await page.goto(url({ lang: 'en' }))
    await statusIs(page, 'ready')
    await page.locator('#captcha .cl-check').click()
    await statusIs(page, 'verified')
    const email = await signUp(page)
    await expect(
      page
        .locator('#result')
        .filter({ hasText: `Welcome, ${email}` })
        .waitFor(),
    ).resolves.toBeUndefined()
    await page.close()
  })

  it('bind: the submit button opens the popup, and solving it submits', async () => {
    const { page } = await openPage(stack.browser, `${app}-bind`)
    await page.goto(url({ mode: 'bind', lang: 'en' }))
    await statusIs(page, 'ready')
    await page.fill('input[name=email]', freshEmail('user'))
    await page.click('#submit')
    await page.getByRole('dialog').getByRole('button', { name: "I'm not a robot" }).click()
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    await page.close()
  })

  it('invisible: getToken() on submit runs the challenge without a click', async () => {
    const { page } = await openPage(stack.browser, `${app}-invisible`)
    await page.goto(url({ mode: 'invisible', key: 'test_pass_invisible' }))
    await statusIs(page, 'ready')
    await signUp(page)
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    await page.close()
  })

  it('test_fail shows the error in words beside the provider’s own retry, and another key works', async () => {
    const { page } = await openPage(stack.browser, `${app}-fail`)
    await page.goto(url({ key: 'test_fail', lang: 'en' }))
    await statusIs(page, 'ready')
    await page.locator('#captcha .cl-check').click()
    await statusIs(page, 'error (challenge-failed)')
    await expect(page.locator('#status').textContent()).resolves.toMatch(/was not passed/)
    // A failed challenge leaves a working widget: the provider asks for another try itself.
    await page.locator('#captcha', { hasText: 'Verification failed. Try again.' }).waitFor()
    await expect(page.locator('#captcha .cl-check').isEnabled()).resolves.toBe(true)
    await page.selectOption('#app-key', 'test_pass')
    await page.waitForURL(/key=test_pass/)
    await statusIs(page, 'ready')
    await page.locator('#captcha .cl-check').click()
    await signUp(page)
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    await page.close()
  })

  it('test_expire_fast: the token is refreshed before it expires, and signup succeeds after', async () => {
    const { page } = await openPage(stack.browser, `${app}-expire`)
    let solves = 0
    page.on('request', (request) => {
      if (request.url().endsWith('/captchala/v1/solve')) solves += 1
    })
    await page.clock.install()
    await page.goto(url({ key: 'test_expire_fast' }))
    await statusIs(page, 'verified')
    expect(solves).toBe(1)
    // 5 s tokens refresh 1 s before expiry; the page's clock jumps, the network is real.
    await page.clock.runFor(4_100)
    await expect.poll(() => solves).toBe(2)
    await statusIs(page, 'verified')
    await page.clock.runFor(2_000)
    await statusIs(page, 'verified')
    await signUp(page)
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    await page.close()
  })

  it('escalation: repeated failures require a challenge with a server token', async () => {
    const { page } = await openPage(stack.browser, `${app}-escalation`)
    await page.goto(url({ mode: 'invisible', key: 'test_pass_invisible' }))
    await statusIs(page, 'ready')
    const taken = await signUp(page)
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    for (const expected of ['email_taken', 'email_taken', 'One more check']) {
      await signUp(page, taken)
      await page.locator('#result', { hasText: expected }).waitFor()
    }
    // The widget now carries the server token; a new signup solves with it and passes.
    await signUp(page)
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    await page.close()
  })

  // No Retry button and no reload: the page only shows the state, and the core heals it.
  it.each(['embed', 'invisible'] as const)(
    '%s: a loader that fails shows the error in words, keeps trying by itself, and once it answers the captcha is back with no click',
    async (mode) => {
      const { page } = await openPage(stack.browser, `${app}-heal-${mode}`)
      let down = true
      let loads = 0
      await page.route('**/captchala-loader.js*', (route) => {
        loads += 1
        return down ? route.fulfill({ status: 500, body: 'down' }) : route.continue()
      })
      await page.clock.install()
      await page.goto(
        url(mode === 'embed' ? { lang: 'en' } : { mode, key: 'test_pass_invisible', lang: 'en' }),
      )
      const status = page.locator('#status')
      const showsError = () => status.getByText('error (script-load-failed)').isVisible()
      // Three tries, 0.5 s and 1 s apart, then the error.
      await advanceUntil(page, showsError, 3000)
      await expect(status.textContent()).resolves.toMatch(/could not load.*tries again by itself/)
      // Still down: 1 s later the page asks for the loader again on its own, and the status
      // stays on the error meanwhile (no flicker through loading).
      const loadsWhenFailed = loads
      await advanceUntil(page, () => loads > loadsWhenFailed, 1500)
      expect(await showsError()).toBe(true)
      // Up again: the attempt under way (or the next, 2 s later) brings the captcha back.
      down = false
      await advanceUntil(page, () => status.getByText('Captcha: ready').isVisible(), 4000)
      const email = freshEmail('healed')
      await page.fill('input[name=email]', email)
      // Embedded, the person ticks the widget that came back; invisible, a plain submit.
      if (mode === 'embed') {
        await page.locator('#captcha .cl-check').click()
        await statusIs(page, 'verified')
      }
      await page.click('#submit')
      await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
      await page.close()
    },
  )

  it('twenty widgets on one page make one loader request', async () => {
    const { page } = await openPage(stack.browser, `${app}-twenty`)
    const loaderRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('captchala-loader.js')) loaderRequests.push(request.url())
    })
    await page.goto(url({ widgets: '19', lang: 'en' }))
    await expect.poll(() => page.locator('.cl-check').count()).toBe(20)
    expect(loaderRequests).toHaveLength(1)
    await page.close()
  })

  it('works under a strict Content-Security-Policy with no violation', async () => {
    const { page, log } = await openPage(stack.browser, `${app}-csp`)
    const violations: string[] = []
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    )
    await page.goto(`${stack.apps.get(app)!.cspUrl}?lang=en`)
    await statusIs(page, 'ready')
    await page.locator('#captcha .cl-check').click()
    await statusIs(page, 'verified')
    expect(violations).toEqual([])
    expect(log.filter((line) => line.includes('Content Security Policy'))).toEqual([])
    await page.close()
  })

  it('the language switch changes the widget’s text', async () => {
    const { page } = await openPage(stack.browser, `${app}-language`)
    await page.goto(url({ lang: 'en' }))
    await page.locator('#captcha .cl-label', { hasText: "I'm not a robot" }).waitFor()
    await page.selectOption('#language', 'fr')
    await page.locator('#captcha .cl-label', { hasText: 'Je ne suis pas un robot' }).waitFor()
    await page.selectOption('#theme', 'dark')
    await page.locator('#captcha .cl-theme-dark').waitFor()
    await page.close()
  })
})
