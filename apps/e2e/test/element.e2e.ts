// What only the custom element sample shows: the browser itself posts the token (a native
// form submission, form-encoded, answered by the backend with a redirect back), native
// validation stops an unsolved form, and the same element inside a Lit component. (Its
// signup flows run with every other sample's in signup, providers and faults.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshEmail } from './emails'
import { appUrl, openPage, startStack, statusIs, type Stack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

const url = (query: Record<string, string> = {}) => appUrl(stack, 'element-demo', query)

describe('element-demo', () => {
  it('the browser posts the token with the form, form-encoded, and the page shows the outcome', async () => {
    const { page } = await openPage(stack.browser, 'element-native-post')
    await page.goto(url({ lang: 'en' }))
    await statusIs(page, 'ready')
    await page.locator('#captcha .cl-check').click()
    await statusIs(page, 'verified')
    const email = freshEmail('element')
    await page.fill('input[name=email]', email)
    const [post] = await Promise.all([
      page.waitForRequest((request) => request.url().endsWith('/api/signup')),
      page.click('#submit'),
    ])
    // A navigation, not a fetch: the form itself was submitted.
    expect(post.isNavigationRequest()).toBe(true)
    expect(post.headers()['content-type']).toBe('application/x-www-form-urlencoded')
    const fields = new URLSearchParams(post.postData() ?? '')
    expect(fields.get('email')).toBe(email)
    // The one name for the token, in forms as in JSON: the element's `name`.
    expect(fields.get('captchaToken')).toMatch(/^pt_/)
    expect(fields.has('token')).toBe(false)
    expect(fields.get('provider')).toBe('captchala')
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    // The outcome is shown once: it left the address.
    expect(new URL(page.url()).searchParams.has('signup')).toBe(false)
    await page.close()
  })

  it('native validation stops an unsolved form with the element’s message; solved, the next submit posts it', async () => {
    const { page } = await openPage(stack.browser, 'element-validation')
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/signup'))
        posts.push(request.url())
    })
    await page.goto(url({ lang: 'en' }))
    await statusIs(page, 'ready')
    const email = freshEmail('element')
    await page.fill('input[name=email]', email)
    await page.click('#submit')
    const captcha = page.locator('passline-captcha#captcha')
    await expect
      .poll(() => captcha.evaluate((element) => element === document.activeElement))
      .toBe(true)
    expect(
      await captcha.evaluate((element: HTMLElement & { validationMessage: string }) => [
        element.matches(':invalid'),
        element.validationMessage,
      ]),
    ).toEqual([true, 'Complete the security check.'])
    expect(posts).toEqual([])
    await page.locator('#captcha .cl-check').click()
    await statusIs(page, 'verified')
    // No script posts behind the person's back: their next submit does, once.
    await page.click('#submit')
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    expect(posts).toHaveLength(1)
    await page.close()
  })

  it('in a Lit component: bound as properties and events, posted by the browser', async () => {
    const { page, log } = await openPage(stack.browser, 'element-lit')
    await page.goto(`${stack.apps.get('element-demo')!.url}lit.html`)
    await statusIs(page, 'ready')
    await page.locator('#captcha .cl-check').click()
    await statusIs(page, 'verified')
    const email = freshEmail('lit')
    await page.fill('input[name=email]', email)
    await page.click('#submit')
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    expect(log.filter((line) => /pageerror|console\.error/.test(line))).toEqual([])
    await page.close()
  })
})
