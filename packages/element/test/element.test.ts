import { describe, expect, it, vi } from 'vitest'
import { commands, userEvent } from 'vitest/browser'
import { defineCaptchaElement, PasslineCaptchaElement, type CaptchaError } from '../src/index'
import { captchaIn, loaderUrl, mockUrl, nextEvent, render, statusOf } from './page'

const INVISIBLE = `<passline-captcha site-key="test_pass_invisible" script-url="\${loader}"></passline-captcha>`

describe('<passline-captcha>', () => {
  it('is registered once by define, as the package’s class', () => {
    expect(customElements.get('passline-captcha')).toBe(PasslineCaptchaElement)
    expect(() => defineCaptchaElement()).not.toThrow()
    customElements.define('other-captcha', class extends PasslineCaptchaElement {})
    expect(document.createElement('other-captcha')).toBeInstanceOf(PasslineCaptchaElement)
  })

  it('renders into a light-DOM child and reports every status change, bubbling and composed', async () => {
    const host = render('<div id="host"></div>').querySelector('#host')!
    const shadow = host.attachShadow({ mode: 'open' })
    const statuses: string[] = []
    const listener = (event: Event) => statuses.push((event as CustomEvent<string>).detail)
    document.addEventListener('passline-status', listener)
    shadow.innerHTML = INVISIBLE.replace('${loader}', loaderUrl)
    const captcha = shadow.querySelector('passline-captcha')!
    await statusOf(captcha, 'ready')
    const token = await captcha.getToken()
    document.removeEventListener('passline-status', listener)
    expect(token).toMatch(/^pt_/)
    expect(statuses).toEqual(['loading', 'ready', 'solving', 'verified'])
    expect(captcha.children).toHaveLength(1)
    expect(captcha.querySelector('.cl-widget, [data-emulated-provider], .cl-check')).not.toBeNull()
  })

  it('fires passline-verify with the token and passline-error with the CaptchaError', async () => {
    const root = render(
      `<passline-captcha site-key="test_fail" script-url="\${loader}" language="en"></passline-captcha>`,
    )
    const captcha = captchaIn(root)
    await statusOf(captcha, 'ready')
    const failed = nextEvent<CaptchaError>(captcha, 'passline-error')
    await userEvent.click(captcha.querySelector<HTMLElement>('.cl-check')!)
    expect((await failed).detail).toMatchObject({ code: 'challenge-failed' })
    expect(captcha.getState().status).toBe('error')

    captcha.setAttribute('site-key', 'test_pass_invisible')
    const verified = nextEvent<string>(captcha, 'passline-verify')
    const token = await captcha.getToken()
    expect((await verified).detail).toBe(token)
  })

  it('passline-expire fires when the token runs out, and the value clears', async () => {
    const root = render(
      `<form><passline-captcha name="captcha" site-key="test_pass_invisible" script-url="\${loader}" refresh="never" token-ttl-ms="300"></passline-captcha></form>`,
    )
    const captcha = captchaIn(root)
    const expired = nextEvent(captcha, 'passline-expire')
    await captcha.getToken()
    expect(new FormData(root.querySelector('form')!).has('captcha')).toBe(true)
    await expired
    expect(captcha.value).toBeNull()
    expect(captcha.getState().status).toBe('expired')
    expect(new FormData(root.querySelector('form')!).has('captcha')).toBe(false)
  })

  it('attribute changes reach the live widget: language in place, theme re-renders', async () => {
    const root = render(
      `<passline-captcha site-key="test_pass" script-url="\${loader}" language="en"></passline-captcha>`,
    )
    const captcha = captchaIn(root)
    await statusOf(captcha, 'ready')
    const label = () => captcha.querySelector('.cl-label')?.textContent
    expect(label()).toBe("I'm not a robot")
    captcha.setAttribute('language', 'fr')
    await expect.poll(label).toBe('Je ne suis pas un robot')
    captcha.setAttribute('theme', 'dark')
    await expect.poll(() => captcha.querySelector('.cl-theme-dark')).not.toBeNull()
    captcha.removeAttribute('theme')
    await expect.poll(() => captcha.querySelector('.cl-theme-dark')).toBeNull()
  })

  it('takes every option as a property too, including getServerToken, which no attribute can carry', async () => {
    const captcha = document.createElement('passline-captcha')
    captcha.siteKey = 'test_pass_invisible'
    captcha.scriptUrl = loaderUrl
    captcha.refreshMarginMs = 1000
    expect(captcha.siteKey).toBe('test_pass_invisible')
    const serverToken = await commands.issueServerToken(mockUrl, 'signup')
    const getServerToken = vi.fn(async () => serverToken)
    captcha.getServerToken = getServerToken
    captcha.action = 'signup'
    render('').append(captcha)
    await expect(captcha.getToken()).resolves.toMatch(/^pt_/)
    expect(getServerToken).toHaveBeenCalled()
    // An attribute set later does not hide the property.
    captcha.setAttribute('site-key', 'test_fail')
    expect(captcha.siteKey).toBe('test_pass_invisible')
  })

  it('options set one property at a time on a connected element start it once, with all of them', async () => {
    // As on a fresh page: no SDK loaded yet by the tests before.
    vi.stubGlobal('Captchala', undefined)
    vi.stubGlobal('loadCaptchala', undefined)
    const captcha = document.createElement('passline-captcha')
    render('').append(captcha)
    const scripts: string[] = []
    const observer = new MutationObserver(() =>
      scripts.push(...[...document.scripts].map((script) => script.src)),
    )
    observer.observe(document.head, { childList: true })
    captcha.siteKey = 'test_pass_invisible'
    captcha.scriptUrl = loaderUrl
    captcha.action = 'signup'
    await expect(captcha.getToken()).resolves.toMatch(/^pt_/)
    observer.disconnect()
    // No load of the provider's default URL before scriptUrl arrived.
    expect(scripts.filter((src) => src.includes('captchala') && !src.startsWith(mockUrl))).toEqual(
      [],
    )
  })

  it('without a site key, calls reject with invalid-options; setting one starts it', async () => {
    const captcha = document.createElement('passline-captcha')
    captcha.setAttribute('script-url', loaderUrl)
    render('').append(captcha)
    await expect(captcha.getToken()).rejects.toMatchObject({ code: 'invalid-options' })
    expect(captcha.getState().status).toBe('idle')
    captcha.setAttribute('site-key', 'test_pass_invisible')
    await expect(captcha.getToken()).resolves.toMatch(/^pt_/)
  })

  it('moved in the document, it keeps its controller and token; removed, it settles and cleans up', async () => {
    const root = render(`<div id="a">${INVISIBLE}</div><div id="b"></div>`)
    const captcha = captchaIn(root)
    const token = await captcha.getToken()
    root.querySelector('#b')!.append(captcha)
    await Promise.resolve()
    expect(captcha.getState().token).toBe(token)
    expect(captcha.children).toHaveLength(1)

    const pending = captcha.execute()
    captcha.remove()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
    expect(captcha.getState()).toMatchObject({ status: 'idle', token: null })
    // Inserted again, it starts afresh.
    root.append(captcha)
    await expect(captcha.getToken()).resolves.toMatch(/^pt_/)
  })

  it('works with another provider: Turnstile’s managed widget from the mock', async () => {
    const root = render(
      `<passline-captcha provider="turnstile" site-key="1x00000000000000000000AA" script-url="${mockUrl}/turnstile/v0/api.js"></passline-captcha>`,
    )
    const captcha = captchaIn(root)
    const verified = nextEvent<string>(captcha, 'passline-verify')
    expect((await verified).detail).toBeTruthy()
    expect(captcha.querySelector('[data-emulated-provider="turnstile"]')).not.toBeNull()
  })
})
