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
    // The component (its widget's container and an empty live region), then the hook's
    // container: attributes in any order and spelling of an empty value (React writes `=""`,
    // Preact nothing).
    const root = html.match(/^<div[^>]*>/)![0]
    expect(root).toMatch(/ class="box"/)
    expect(root).toMatch(/ data-passline-captcha(="")?[ >]/)
    expect(html).toBe(
      `${root}<div></div><div role="status"></div></div><div data-status="idle"></div>`,
    )
  })
})
