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
    // Two empty containers, the component's first: attributes in any order and spelling of
    // an empty value (React writes `=""`, Preact nothing).
    const [first, second, ...rest] = html.match(/<div[^>]*><\/div>/g) ?? []
    expect(rest).toEqual([])
    expect(first).toMatch(/ class="box"/)
    expect(first).toMatch(/ data-passline-captcha(="")?[ >]/)
    expect(second).toBe('<div data-status="idle"></div>')
    expect(html).toBe(`${first}${second}`)
  })
})
