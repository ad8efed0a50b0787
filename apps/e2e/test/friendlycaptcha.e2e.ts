// Friendly Captcha through each sample app: picked in the switcher, the emulated site script
// (from the mock, which /api/config names) solves once the form is used, and the backend
// verifies the response with the v2 siteverify (X-API-Key); the always-failing demo key is
// said in words, the widget still there saying so itself.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APPS } from './apps'
import { freshEmail } from './emails'
import { appUrl, openPage, startStack, statusIs, type Stack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

const widget = (page: Page) => page.locator('#captcha [data-emulated-provider="friendlycaptcha"]')

describe.each(APPS.map((app) => app.name))('%s with Friendly Captcha', (app) => {
  const url = (query: Record<string, string> = {}) => appUrl(stack, app, query)

  it('picked in the switcher, starts when the form is used, and the signup passes', async () => {
    const { page } = await openPage(stack.browser, `${app}-friendlycaptcha`)
    await page.goto(url({ lang: 'en' }))
    await statusIs(page, 'ready')
    await page.selectOption('#provider', 'friendlycaptcha')
    await page.waitForURL(/provider=friendlycaptcha/)
    await statusIs(page, 'ready')
    await expect(widget(page).count()).resolves.toBe(1)
    // Focus mode: nothing is solved before the form is used.
    await expect(page.locator('#status').textContent()).resolves.not.toMatch(/verified/)
    const email = freshEmail('friendly')
    await page.fill('input[name=email]', email)
    await statusIs(page, 'verified')
    await page.click('#submit')
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    await page.close()
  })

  it('the always-failing key shows provider-error with its words, the widget saying it failed', async () => {
    const { page } = await openPage(stack.browser, `${app}-friendlycaptcha-fail`)
    await page.goto(url({ provider: 'friendlycaptcha', key: 'FCMPASSLINEFAILS', lang: 'en' }))
    await statusIs(page, 'ready')
    await page.fill('input[name=email]', freshEmail('friendly'))
    await statusIs(page, 'error (provider-error)')
    await expect(page.locator('#status').textContent()).resolves.toMatch(/ran into a problem/)
    await widget(page).filter({ hasText: 'Verification failed' }).waitFor()
    await page.close()
  })
})
