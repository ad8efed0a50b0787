// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Captcha, CaptchaConfigProvider, useCaptcha } from './index'

function Form() {
  const captcha = useCaptcha({ action: 'signup' })
  return <div ref={captcha.ref} data-status={captcha.status} />
}

describe('server rendering', () => {
  it('renders the containers with renderToString and touches no browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(
      <CaptchaConfigProvider value={{ siteKey: 'test_pass' }}>
        <Captcha className="box" />
        <Form />
      </CaptchaConfigProvider>,
    )
    expect(html).toBe(
      '<div class="box" data-passline-captcha=""></div><div data-status="idle"></div>',
    )
  })
})
