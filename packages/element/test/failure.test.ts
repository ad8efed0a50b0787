// After a failed load the element says so where the widget would be, tells a blocked submit
// why, and comes back by itself: in Chromium, against the mock provider, with the provider's
// script blocked and then unblocked as a network would.
import { afterEach, describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import type { PasslineCaptchaElement } from '../src/index'
import { axeViolations } from '../../../vitest.axe.ts'
import { captchaIn, render, statusOf } from './page'

afterEach(() => commands.unblockRequests())

const region = (captcha: PasslineCaptchaElement) =>
  captcha.shadowRoot!.querySelector('[role="status"]')!

/** What a person sees in the live region: the slotted content, or the slot's fallback. */
function shownText(captcha: PasslineCaptchaElement) {
  const slot = region(captcha).querySelector('slot')
  if (!slot) return ''
  const assigned = slot.assignedNodes()
  return (assigned.length ? assigned : [...slot.childNodes]).map((n) => n.textContent).join('')
}

let forms = 0

/**
 * A form whose element's provider script is blocked from the start. Each on a loader URL of its
 * own: a page loads a script once per URL, and an earlier test's may have loaded.
 */
async function blockedForm(inside = '', attributes = 'language="en"') {
  // As on a page that has not loaded the SDK yet.
  const sdk = window as { Captchala?: unknown; loadCaptchala?: unknown }
  delete sdk.Captchala
  delete sdk.loadCaptchala
  await commands.blockRequests('captchala-loader.js')
  const root = render(`
    <form>
      <passline-captcha name="captchaToken" required site-key="test_pass"
        script-url="\${loader}?form=${++forms}" ${attributes}>${inside}</passline-captcha>
      <button>Sign up</button>
    </form>`)
  const captcha = captchaIn(root)
  captcha.retry = { attempts: 1 }
  await statusOf(captcha, 'error')
  return { captcha, form: root.querySelector('form')! }
}

describe('<passline-captcha> after a failed load', () => {
  it('says so in its live region with a Retry button, and validation says why', async () => {
    const { captcha } = await blockedForm()
    expect(region(captcha).getAttribute('part')).toBe('failure')
    expect(shownText(captcha)).toBe('The security check could not load. Try again')
    expect(captcha.validity.valueMissing).toBe(true)
    expect(captcha.validationMessage).toBe('The security check could not load.')
    expect(captcha.querySelector('.cl-check')).toBeNull()
  })

  it('comes back by itself once the network does: the widget, and no words', async () => {
    const { captcha } = await blockedForm()
    await commands.unblockRequests()
    await statusOf(captcha, 'ready')
    expect(captcha.querySelector('.cl-check')).not.toBeNull()
    expect(shownText(captcha)).toBe('')
    expect(captcha.validationMessage).toBe('Complete the security check.')
  })

  it('Retry tries again at once', async () => {
    const { captcha } = await blockedForm()
    await commands.unblockRequests()
    const retry = region(captcha).querySelector('button')!
    expect(retry.getAttribute('part')).toBe('retry')
    await userEvent.click(retry)
    await statusOf(captcha, 'ready')
    expect(captcha.querySelector('.cl-check')).not.toBeNull()
  })

  it('its Retry button is on the Tab order', async () => {
    const { captcha, form } = await blockedForm()
    form.insertAdjacentHTML('afterbegin', '<input name="email" />')
    form.querySelector('input')!.focus()
    await userEvent.tab()
    expect(captcha.shadowRoot!.activeElement).toBe(region(captcha).querySelector('button'))
  })

  it('a submit blocked by it tries again at once, and the form then submits the token', async () => {
    const { captcha, form } = await blockedForm()
    const submitted: FormData[] = []
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      submitted.push(new FormData(form))
    })
    await commands.unblockRequests()
    form.requestSubmit()
    expect(submitted).toHaveLength(0)
    await statusOf(captcha, 'ready')
    await userEvent.click(captcha.querySelector<HTMLElement>('.cl-check')!)
    await statusOf(captcha, 'verified')
    form.requestSubmit()
    expect(submitted[0]!.get('captchaToken')).toBe(captcha.value)
  })

  it('shows slot="failure" content instead, and only while the widget has failed', async () => {
    const { captcha } = await blockedForm(
      '<p slot="failure">Our check is down. <button type="button">Reload it</button></p>',
    )
    expect(shownText(captcha)).toBe('Our check is down. Reload it')
    const custom = captcha.querySelector<HTMLElement>('[slot="failure"]')!
    expect(custom.checkVisibility()).toBe(true)
    await commands.unblockRequests()
    await statusOf(captcha, 'ready')
    expect(custom.checkVisibility()).toBe(false)
  })

  it('speaks its language, and follows a new one', async () => {
    const { captcha } = await blockedForm('', 'language="fr"')
    await expect
      .poll(() => shownText(captcha))
      .toBe('La vérification de sécurité n’a pas pu se charger. Réessayer')
    expect(captcha.validationMessage).toBe('La vérification de sécurité n’a pas pu se charger.')
    captcha.language = 'de'
    await expect
      .poll(() => shownText(captcha))
      .toBe('Die Sicherheitsprüfung konnte nicht geladen werden. Erneut versuchen')
  })
})

describe('<passline-captcha> meets WCAG 2.2 AA (axe, in Chromium)', () => {
  it('when it says the check could not load, with its Try again button, and once healed', async () => {
    const { captcha } = await blockedForm()
    const root = captcha.closest('div')!
    expect(await axeViolations(root)).toEqual([])
    await commands.unblockRequests()
    await statusOf(captcha, 'ready')
    expect(await axeViolations(root)).toEqual([])
  })
})

describe('<passline-captcha> on the page', () => {
  it('is a block, so the browser points its validation message at the widget; page styles win', async () => {
    const root = render(
      `<style>.inline { display: inline-block }</style>
       <passline-captcha site-key="test_pass" script-url="\${loader}"></passline-captcha>
       <passline-captcha class="inline" site-key="test_pass" script-url="\${loader}"></passline-captcha>`,
    )
    const [plain, styled] = root.querySelectorAll('passline-captcha')
    expect(getComputedStyle(plain!).display).toBe('block')
    expect(getComputedStyle(styled!).display).toBe('inline-block')
  })
})
