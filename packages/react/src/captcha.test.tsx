import { act, render, screen } from '@testing-library/react'
import { createRef, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Captcha, type CaptchaHandle } from './captcha'
import { CaptchaConfigProvider } from './config-context'
import { actResult, fakeCaptchala, settle } from './test-utils'

describe('<Captcha>', () => {
  it('renders a container with className and style, and reports verify and status changes', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const onVerify = vi.fn()
    const onStatusChange = vi.fn()
    const { container } = render(
      <Captcha
        siteKey="test_pass"
        scriptUrl={scriptUrl}
        className="captcha"
        style={{ minHeight: 80 }}
        onVerify={onVerify}
        onStatusChange={onStatusChange}
      />,
    )
    const box = container.querySelector<HTMLElement>('[data-passline-captcha]')!
    expect(box.className).toBe('captcha')
    expect(box.style.minHeight).toBe('80px')
    await settle()
    expect(fake.latest().container).toBe(box)
    await act(async () => fake.latest().solve('pt_component'))
    expect(onVerify).toHaveBeenCalledWith('pt_component')
    expect(onStatusChange.mock.calls.map(([status]) => status)).toEqual([
      'loading',
      'ready',
      'verified',
    ])
  })

  it('reports errors and expiry through onError and onExpire', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const onError = vi.fn()
    const onExpire = vi.fn()
    render(
      <Captcha
        siteKey="test_pass"
        scriptUrl={scriptUrl}
        refresh="never"
        onError={onError}
        onExpire={onExpire}
      />,
    )
    await settle()
    await act(async () => fake.latest().fail('invalid_app_key'))
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'provider-error', providerCode: 'invalid_app_key' }),
    )
    vi.useFakeTimers()
    await act(async () => fake.latest().solve('pt_short', 1))
    await act(async () => vi.advanceTimersByTimeAsync(1000))
    expect(onExpire).toHaveBeenCalledOnce()
  })

  it('never re-creates the widget when inline callbacks change, and calls the newest one', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const seen: string[] = []
    function Page() {
      const [round, setRound] = useState(1)
      return (
        <>
          <Captcha
            siteKey="test_pass"
            scriptUrl={scriptUrl}
            onVerify={(token) => seen.push(`${round}:${token}`)}
          />
          <button onClick={() => setRound((r) => r + 1)}>next</button>
        </>
      )
    }
    render(<Page />)
    await settle()
    for (let i = 0; i < 3; i++) await act(async () => screen.getByText('next').click())
    await act(async () => fake.latest().solve('pt_x'))
    expect(fake.widgets).toHaveLength(1)
    expect(seen).toEqual(['4:pt_x'])
  })

  it('gives an imperative handle: execute, getToken, consume, reset, getState', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const handle = createRef<CaptchaHandle>()
    render(<Captcha ref={handle} siteKey="test_pass" scriptUrl={scriptUrl} execution="execute" />)
    await settle()
    await expect(actResult(() => handle.current!.getToken())).resolves.toBe('pt_fake_1')
    expect(handle.current!.getState()).toMatchObject({ status: 'verified', token: 'pt_fake_1' })
    await expect(actResult(() => handle.current!.execute())).resolves.toBe('pt_fake_2')
    await expect(actResult(() => handle.current!.consume())).resolves.toBe('pt_fake_2')
    expect(handle.current!.getState().token).toBeNull()
    act(() => handle.current!.reset())
    expect(fake.latest().resetCalls).toBeGreaterThan(0)
  })

  it('re-renders the widget for a theme change and re-creates it for a new siteKey', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const view = render(<Captcha siteKey="test_pass" scriptUrl={scriptUrl} theme="light" />)
    await settle()
    view.rerender(<Captcha siteKey="test_pass" scriptUrl={scriptUrl} theme="dark" />)
    await settle()
    expect(fake.live().map((w) => w.config.theme)).toEqual(['dark'])
    view.rerender(<Captcha siteKey="test_fail" scriptUrl={scriptUrl} theme="dark" />)
    await settle()
    expect(fake.live().map((w) => w.config.appKey)).toEqual(['test_fail'])
  })

  it('uses the config provider’s defaults, and its props win', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    render(
      <CaptchaConfigProvider value={{ siteKey: 'test_pass_invisible', scriptUrl, nonce: 'n1' }}>
        <Captcha />
        <Captcha siteKey="test_pass" />
      </CaptchaConfigProvider>,
    )
    await settle()
    expect(fake.widgets.map((w) => w.config.appKey)).toEqual(['test_pass_invisible', 'test_pass'])
    expect(document.querySelector('script')!.getAttribute('nonce')).toBe('n1')
  })
})
