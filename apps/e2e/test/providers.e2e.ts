// Turnstile, hCaptcha and reCAPTCHA through each sample app: the same page, another provider
// picked in its switcher, solved in the emulated widget and checked by the backend's siteverify.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshEmail } from './emails'
import { APPS } from './apps'
import { appUrl, openPage, startStack, statusIs, type Stack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

async function signUpAndWelcome(page: Page) {
  const email = freshEmail('provider')
  await page.fill('input[name=email]', email)
  await page.click('#submit')
  await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
}

const V3_KEY = '6LPasslineDemoV3ScoreKey0000000000000000'

describe.each(APPS.map((app) => app.name))('%s with other providers', (app) => {
  const url = (query: Record<string, string> = {}) => appUrl(stack, app, query)

  it('Turnstile: picked in the switcher, the managed widget solves by itself and the signup passes', async () => {
    const { page } = await openPage(stack.browser, `${app}-turnstile`)
    await page.goto(url({ lang: 'en' }))
    await statusIs(page, 'ready')
    await page.selectOption('#provider', 'turnstile')
    await page.waitForURL(/provider=turnstile/)
    await statusIs(page, 'verified')
    await expect(
      page.locator('#captcha [data-emulated-provider="turnstile"]').count(),
    ).resolves.toBe(1)
    await signUpAndWelcome(page)
    // The token was consumed: the widget solved again for the next try.
    await statusIs(page, 'verified')
    await page.close()
  })

  it('Turnstile: the always-fail test key shows challenge-failed with its code and words, the widget still there', async () => {
    const { page } = await openPage(stack.browser, `${app}-turnstile-fail`)
    await page.goto(url({ provider: 'turnstile', key: '2x00000000000000000000AB', lang: 'en' }))
    await statusIs(page, 'error (challenge-failed)')
    await expect(page.locator('#status').textContent()).resolves.toMatch(/was not passed/)
    // Not a failed load: the provider's widget stays and says so itself (nothing to heal).
    await page
      .locator('#captcha [data-emulated-provider="turnstile"]', { hasText: 'Verification failed' })
      .waitFor()
    await page.close()
  })

  it('hCaptcha: the checkbox is clicked, and the backend verifies the token against its sitekey', async () => {
    const { page } = await openPage(stack.browser, `${app}-hcaptcha`)
    await page.goto(url({ provider: 'hcaptcha', lang: 'fr' }))
    await statusIs(page, 'ready')
    await page.getByRole('checkbox', { name: 'Je suis humain' }).click()
    await statusIs(page, 'verified')
    await signUpAndWelcome(page)
    await page.close()
  })

  it('hCaptcha invisible: submit opens the challenge dialog, and solving it signs up', async () => {
    const { page } = await openPage(stack.browser, `${app}-hcaptcha-invisible`)
    await page.goto(url({ provider: 'hcaptcha', mode: 'invisible', lang: 'en' }))
    await statusIs(page, 'ready')
    const email = freshEmail('provider')
    await page.fill('input[name=email]', email)
    await page.click('#submit')
    await page.getByRole('dialog').getByRole('button', { name: 'I am human' }).click()
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    await page.close()
  })

  it('reCAPTCHA v2: a language change loads the script again with the new hl', async () => {
    const { page } = await openPage(stack.browser, `${app}-recaptcha-language`)
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/recaptcha/api.js')) scripts.push(request.url())
    })
    await page.goto(url({ provider: 'recaptcha', lang: 'en' }))
    await page.getByRole('checkbox', { name: 'I am human' }).waitFor()
    await page.selectOption('#language', 'de')
    await page.getByRole('checkbox', { name: 'Ich bin ein Mensch' }).click()
    await statusIs(page, 'verified')
    expect(scripts.map((script) => new URL(script).searchParams.get('hl'))).toEqual(['en', 'de'])
    // One widget on the page, not the old one beside the new.
    await expect(page.locator('[data-emulated-provider="recaptcha"]').count()).resolves.toBe(1)
    await signUpAndWelcome(page)
    await page.close()
  })

  it('reCAPTCHA v3: invisible, submit gets a score token and the backend checks score and action', async () => {
    const { page } = await openPage(stack.browser, `${app}-recaptcha-v3`)
    await page.goto(url({ provider: 'recaptcha', key: V3_KEY, mode: 'invisible' }))
    await statusIs(page, 'ready')
    await expect(page.getByText('protected by reCAPTCHA', { exact: false }).count()).resolves.toBe(
      1,
    )
    await signUpAndWelcome(page)
    await page.close()
  })
})
