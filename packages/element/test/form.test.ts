import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { captchaIn, nextEvent, render, statusOf } from './page'

const FORM = `
  <form>
    <input name="email" value="ada@example.com" />
    <passline-captcha name="captcha" required site-key="test_pass" script-url="\${loader}" language="en"></passline-captcha>
    <button>Sign up</button>
  </form>`

describe('<passline-captcha> in a form', () => {
  it('is invalid (valueMissing) until solved, then its token is the form value', async () => {
    const root = render(FORM)
    const form = root.querySelector('form')!
    const captcha = captchaIn(root)
    expect(captcha.form).toBe(form)
    expect(captcha.validity.valueMissing).toBe(true)
    expect(captcha.validationMessage).toBe('Complete the security check.')
    expect(form.checkValidity()).toBe(false)
    expect(new FormData(form).has('captcha')).toBe(false)

    await statusOf(captcha, 'ready')
    const verified = nextEvent<string>(captcha, 'passline-verify')
    await userEvent.click(captcha.querySelector<HTMLElement>('.cl-check')!)
    const token = (await verified).detail
    expect(token).toMatch(/^pt_/)
    expect(captcha.value).toBe(token)
    expect(new FormData(form).get('captcha')).toBe(token)
    expect(captcha.validity.valid).toBe(true)
    expect(form.checkValidity()).toBe(true)
  })

  it('requestSubmit() is blocked while unsolved and submits the token once solved', async () => {
    const root = render(FORM)
    const form = root.querySelector('form')!
    const captcha = captchaIn(root)
    const submitted: FormData[] = []
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      submitted.push(new FormData(form))
    })
    const invalid = nextEvent(captcha, 'invalid')
    form.requestSubmit()
    await invalid
    expect(submitted).toHaveLength(0)
    // Native validation moved the focus to it, to show its message there.
    expect(document.activeElement).toBe(captcha)

    await statusOf(captcha, 'ready')
    await userEvent.click(captcha.querySelector<HTMLElement>('.cl-check')!)
    await statusOf(captcha, 'verified')
    form.requestSubmit()
    expect(submitted).toHaveLength(1)
    expect(submitted[0]!.get('captcha')).toBe(captcha.value)
    expect(submitted[0]!.get('email')).toBe('ada@example.com')
  })

  it('the widget is on the Tab order between the fields around it, and the keyboard solves it', async () => {
    const root = render(FORM)
    const captcha = captchaIn(root)
    await statusOf(captcha, 'ready')
    const check = captcha.querySelector('.cl-check')
    root.querySelector<HTMLInputElement>('input[name=email]')!.focus()
    await userEvent.tab()
    expect(document.activeElement).toBe(check)
    await userEvent.tab()
    expect(document.activeElement).toBe(root.querySelector('button:not(.cl-check)'))
    await userEvent.tab({ shift: true })
    expect(document.activeElement).toBe(check)
    await userEvent.keyboard(' ')
    await statusOf(captcha, 'verified')
  })

  it('focus() focuses it, with no Tab stop of its own', async () => {
    const root = render(FORM)
    const captcha = captchaIn(root)
    captcha.focus()
    expect(document.activeElement).toBe(captcha)
    expect(captcha.hasAttribute('tabindex')).toBe(false)
  })

  it('consume() hands out the token and clears the form value', async () => {
    const root = render(FORM.replace('test_pass', 'test_pass_invisible'))
    const form = root.querySelector('form')!
    const captcha = captchaIn(root)
    const token = await captcha.consume()
    expect(token).toMatch(/^pt_/)
    expect(captcha.value).toBeNull()
    expect(new FormData(form).has('captcha')).toBe(false)
    expect(captcha.validity.valueMissing).toBe(true)
  })

  it('form.reset() resets the widget and clears the value', async () => {
    const root = render(FORM.replace('test_pass', 'test_pass_invisible'))
    const form = root.querySelector('form')!
    const captcha = captchaIn(root)
    await captcha.getToken()
    expect(captcha.value).toMatch(/^pt_/)
    form.reset()
    expect(captcha.value).toBeNull()
    expect(captcha.getState().token).toBeNull()
    expect(new FormData(form).has('captcha')).toBe(false)
    // The widget is ready for the next challenge.
    await expect(captcha.getToken()).resolves.toMatch(/^pt_/)
  })

  it('disabled (itself or by its fieldset): no widget, not submitted, not validated; enabled again, it comes back', async () => {
    const root = render(`<form><fieldset>${FORM.replace(/<\/?form>/g, '')}</fieldset></form>`)
    const form = root.querySelector('form')!
    const fieldset = root.querySelector('fieldset')!
    const captcha = captchaIn(root)
    await statusOf(captcha, 'ready')
    expect(captcha.querySelector('.cl-check')).not.toBeNull()

    fieldset.disabled = true
    await expect.poll(() => captcha.querySelector('.cl-check')).toBeNull()
    expect(captcha.willValidate).toBe(false)
    expect(form.checkValidity()).toBe(true)
    fieldset.disabled = false
    await expect.poll(() => captcha.querySelector('.cl-check')).not.toBeNull()
    expect(form.checkValidity()).toBe(false)

    captcha.disabled = true
    await expect.poll(() => captcha.querySelector('.cl-check')).toBeNull()
    expect(captcha.hasAttribute('disabled')).toBe(true)
    captcha.disabled = false
    await expect.poll(() => captcha.querySelector('.cl-check')).not.toBeNull()
  })

  it('without `required` it is always valid; the attribute toggles the check', async () => {
    const root = render(FORM.replace(' required', ''))
    const captcha = captchaIn(root)
    expect(captcha.checkValidity()).toBe(true)
    captcha.required = true
    expect(captcha.checkValidity()).toBe(false)
    captcha.removeAttribute('required')
    expect(captcha.checkValidity()).toBe(true)
  })
})
