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
    // The widget renders into the component's first child; the live region follows it.
    expect(fake.latest().container).toBe(box.firstElementChild)
    expect(box.lastElementChild!.getAttribute('role')).toBe('status')
    expect(box.lastElementChild!.textContent).toBe('')
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

describe('<Captcha> after a failure', () => {
  it('says so in words in its live region, with a button that tries again', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ script: 'error' })
    const { container } = render(
      <Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }} />,
    )
    await settle()
    const region = screen.getByRole('status')
    expect(region.textContent).toBe('The security check could not load. Try again')
    expect(container.querySelector('[data-fake-captchala]')).toBeNull()
    fake.options = {}
    await act(async () => screen.getByRole('button', { name: 'Try again' }).click())
    await settle()
    expect(region.textContent).toBe('')
    expect(fake.live()).toHaveLength(1)
  })

  it('heals by itself: the message goes once the widget is back, with no call', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl } = fakeCaptchala({ script: 'error' })
    render(<Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }} />)
    await act(async () => vi.advanceTimersByTimeAsync(0))
    expect(screen.getByRole('status').textContent).toMatch(/could not load/)
    fake.options = {}
    await act(async () => vi.advanceTimersByTimeAsync(1000))
    expect(screen.getByRole('status').textContent).toBe('')
    expect(fake.live()).toHaveLength(1)
  })

  it('speaks its language once that table has loaded', async () => {
    const { scriptUrl } = fakeCaptchala({ script: 'error' })
    render(
      <Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }} language="ja" />,
    )
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'セキュリティチェックを読み込めませんでした。 再試行',
      ),
    )
  })

  it('renders children instead, given the failure and a retry', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ script: 'error' })
    render(
      <Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }}>
        {({ error, message, retry }) => (
          <p>
            {error.code}: {message}
            <button onClick={retry}>Reload the check</button>
          </p>
        )}
      </Captcha>,
    )
    await settle()
    expect(screen.getByRole('status').textContent).toBe(
      'script-load-failed: The security check could not load.Reload the check',
    )
    fake.options = {}
    await act(async () => screen.getByText('Reload the check').click())
    await settle()
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('shows nothing after a failed challenge: the widget is still there and says so', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    render(<Captcha siteKey="test_pass" scriptUrl={scriptUrl} />)
    await settle()
    await act(async () => fake.latest().fail('challenge_failed'))
    expect(screen.getByRole('status').textContent).toBe('')
  })
})
