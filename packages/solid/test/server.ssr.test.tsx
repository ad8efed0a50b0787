import { renderToString } from 'solid-js/web'
import { describe, expect, it } from 'vitest'
import { Captcha, CaptchaConfigProvider, useCaptcha } from '../src/index'

function SignupForm() {
  const captcha = useCaptcha(() => ({ action: 'signup' }))
  return (
    <form>
      <div ref={captcha.ref} data-status={captcha.status()} />
    </form>
  )
}

describe('server rendering', () => {
  it('renders the containers with renderToString and touches no browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(() => (
      <CaptchaConfigProvider value={{ siteKey: 'test_pass' }}>
        <Captcha action="login" class="box" />
        <SignupForm />
      </CaptchaConfigProvider>
    ))
    // (Solid's server spread may leave a space after a class.)
    expect(html.replace(/ data-hk="[^"]*"/g, '')).toMatch(
      /^<div data-passline-captcha="" class="box ?"><\/div><form><div data-status="idle"><\/div><\/form>$/,
    )
  })
})
