// What only the Angular sample shows: the captcha is a control of a reactive form — the form
// is invalid until the widget is solved, valid with its token, and invalid again once the
// signup consumed it. (Its signup flows run with every other sample's.)
import { afterAll, beforeAll, describe, it } from 'vitest'
import { freshEmail } from './emails'
import { appUrl, openPage, startStack, statusIs, type Stack } from './harness'

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
})
afterAll(() => stack?.close())

describe('angular-demo', () => {
  it('the captcha is a form control: required until solved, its token the value, consumed by the signup', async () => {
    const { page } = await openPage(stack.browser, 'angular-form-control')
    await page.goto(appUrl(stack, 'angular-demo', { lang: 'en' }))
    await statusIs(page, 'ready')
    await page.locator('#form-state', { hasText: 'The form is invalid.' }).waitFor()
    await page.locator('#captcha .cl-check').click()
    await statusIs(page, 'verified')
    await page.locator('#form-state', { hasText: 'The form is valid.' }).waitFor()
    const email = freshEmail('angular')
    await page.fill('input[name=email]', email)
    await page.click('#submit')
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    await page.locator('#form-state', { hasText: 'The form is invalid.' }).waitFor()
    await page.close()
  })
})
