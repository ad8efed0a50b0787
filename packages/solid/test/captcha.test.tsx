import { render, screen } from '@solidjs/testing-library'
import { createSignal } from 'solid-js'
import { describe, expect, it, vi } from 'vitest'
import { Captcha, CaptchaConfigProvider, type CaptchaHandle } from '../src/index'
import { fakeCaptchala, settle } from './test-utils'

describe('<Captcha>', () => {
  it('renders its container with class and style, and reports verify and status changes', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const onVerify = vi.fn()
    const onStatusChange = vi.fn()
    const { container } = render(() => (
      <Captcha
        siteKey="test_pass"
        scriptUrl={scriptUrl}
        onVerify={onVerify}
        onStatusChange={onStatusChange}
        class="captcha-box"
        style={{ 'min-height': '65px' }}
      />
    ))
    await settle()
    const box = container.querySelector<HTMLElement>('[data-passline-captcha]')!
    expect(box.className).toBe('captcha-box')
    expect(box.style.minHeight).toBe('65px')
    // The widget renders into the component's first child; the live region follows it.
    expect(fake.latest().container).toBe(box.firstElementChild)
    expect(box.lastElementChild!.getAttribute('role')).toBe('status')
    fake.latest().solve('pt_component', 60)
    expect(onVerify).toHaveBeenCalledWith('pt_component')
    expect(onStatusChange.mock.calls).toEqual([['loading'], ['ready'], ['verified']])
  })

  it('reports errors and expiry through onError and onExpire', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const onError = vi.fn()
    const onExpire = vi.fn()
    render(() => (
      <Captcha
        siteKey="test_pass"
        scriptUrl={scriptUrl}
        refresh="never"
        onError={onError}
        onExpire={onExpire}
      />
    ))
    await settle()
    fake.latest().fail('invalid_app_key')
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'provider-error', providerCode: 'invalid_app_key' }),
    )
    fake.latest().solve('pt_short', 0.05)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(onExpire).toHaveBeenCalledTimes(1)
  })

  it('calls the newest handler without re-creating the widget', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const first = vi.fn()
    const second = vi.fn()
    // In an object: Solid 2's createSignal takes a function as its computation.
    const [handlers, setHandlers] = createSignal({ onVerify: first })
    render(() => (
      <Captcha siteKey="test_pass" scriptUrl={scriptUrl} onVerify={handlers().onVerify} />
    ))
    await settle()
    setHandlers({ onVerify: second })
    // Solid 2 shows a write after its next flush; Solid 1 at once.
    await settle()
    fake.latest().solve('pt_new')
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledWith('pt_new')
    expect(fake.widgets).toHaveLength(1)
  })

  it('gives a handle through ref, as a callback or a variable', async () => {
    const { scriptUrl } = fakeCaptchala()
    let handle!: CaptchaHandle
    let assigned: CaptchaHandle | undefined
    render(() => (
      <>
        <Captcha
          siteKey="test_pass"
          scriptUrl={scriptUrl}
          execution="execute"
          ref={(value) => (handle = value)}
        />
        <Captcha siteKey="test_pass" scriptUrl={scriptUrl} ref={assigned} />
      </>
    ))
    await settle()
    expect(assigned?.getState().status).toBe('ready')
    await expect(handle.getToken()).resolves.toBe('pt_fake_1')
    await expect(handle.execute()).resolves.toBe('pt_fake_2')
    await expect(handle.consume()).resolves.toBe('pt_fake_2')
    expect(handle.getState()).toMatchObject({ status: 'ready', token: null })
    handle.reset()
  })

  it('reacts to prop changes: a theme re-renders the widget, a siteKey re-creates it, one stays live', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const [theme, setTheme] = createSignal<'light' | 'dark'>('light')
    const [siteKey, setSiteKey] = createSignal('test_pass')
    const { unmount } = render(() => (
      <Captcha siteKey={siteKey()} scriptUrl={scriptUrl} theme={theme()} />
    ))
    await settle()
    setTheme('dark')
    await settle()
    expect(fake.live().map((widget) => widget.config.theme)).toEqual(['dark'])
    setSiteKey('test_pass_invisible')
    await settle()
    expect(fake.live().map((widget) => widget.config.appKey)).toEqual(['test_pass_invisible'])
    unmount()
    expect(fake.live()).toHaveLength(0)
  })

  it('uses the config provider’s defaults, and its props win', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    render(() => (
      <CaptchaConfigProvider
        value={{ siteKey: 'test_pass', scriptUrl, nonce: 'n2', theme: 'dark' }}
      >
        <Captcha action="login" theme="light" />
      </CaptchaConfigProvider>
    ))
    await settle()
    expect(fake.latest().config).toMatchObject({
      appKey: 'test_pass',
      action: 'login',
      theme: 'light',
    })
    expect(document.querySelector('script')!.getAttribute('nonce')).toBe('n2')
  })
})

describe('<Captcha> after a failure', () => {
  const failing = () => fakeCaptchala({ script: 'error' })
  const region = () => screen.getByRole('status')

  it('says so in words in its live region, with a button that tries again', async () => {
    const { fake, scriptUrl } = failing()
    render(() => <Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }} />)
    await settle()
    expect(region().textContent).toBe('The security check could not load. Try again')
    fake.options = {}
    screen.getByRole('button', { name: 'Try again' }).click()
    await settle()
    expect(region().textContent).toBe('')
    expect(fake.live()).toHaveLength(1)
  })

  it('heals by itself: the message goes once the widget is back, with no call', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl } = failing()
    render(() => <Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }} />)
    await vi.advanceTimersByTimeAsync(0)
    expect(region().textContent).toMatch(/could not load/)
    fake.options = {}
    await vi.advanceTimersByTimeAsync(1000)
    expect(region().textContent).toBe('')
    expect(fake.live()).toHaveLength(1)
    vi.useRealTimers()
  })

  it('speaks its language once that table has loaded', async () => {
    const { scriptUrl } = failing()
    render(() => (
      <Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }} language="es" />
    ))
    await vi.waitFor(() =>
      expect(region().textContent).toBe(
        'No se pudo cargar la verificación de seguridad. Reintentar',
      ),
    )
  })

  it('renders children instead, given the failure and a retry', async () => {
    const { fake, scriptUrl } = failing()
    render(() => (
      <Captcha siteKey="test_pass" scriptUrl={scriptUrl} retry={{ attempts: 1 }}>
        {(failure) => (
          <p>
            {failure().error.code}: {failure().message}
            <button onClick={() => failure().retry()}>Reload the check</button>
          </p>
        )}
      </Captcha>
    ))
    await settle()
    expect(region().textContent).toBe(
      'script-load-failed: The security check could not load.Reload the check',
    )
    fake.options = {}
    screen.getByText('Reload the check').click()
    await settle()
    expect(region().textContent).toBe('')
  })
})
