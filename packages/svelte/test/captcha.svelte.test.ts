import { render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import { Captcha, type CaptchaHandle } from '../src/index.js'
import Parent from './Parent.svelte'
import { fakeCaptchala, settle } from './test-utils'
import FailureSnippet from './FailureSnippet.svelte'
import WithDefaults from './WithDefaults.svelte'

describe('<Captcha>', () => {
  it('renders its container with class and style, reports verify and status, and bind:token follows', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const onverify = vi.fn()
    const onstatuschange = vi.fn()
    const { container } = render(Parent, {
      props: { options: { siteKey: 'test_pass', scriptUrl }, onverify, onstatuschange },
    })
    await settle()
    const box = container.querySelector<HTMLElement>('[data-passline-captcha]')!
    expect(box.className).toBe('captcha-box')
    expect(box.style.minHeight).toBe('65px')
    // The widget renders into the component's first child; the live region follows it.
    expect(fake.latest().container).toBe(box.firstElementChild)
    expect(box.lastElementChild!.getAttribute('role')).toBe('status')
    fake.latest().solve('pt_component', 60)
    flushSync()
    expect(onverify).toHaveBeenCalledWith('pt_component')
    expect(onstatuschange.mock.calls).toEqual([['loading'], ['ready'], ['verified']])
    expect(screen.getByTestId('bound-token').textContent).toBe('pt_component')
  })

  it('reports errors and expiry, and bind:token falls back to null', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const onerror = vi.fn()
    const onexpire = vi.fn()
    render(Parent, {
      props: {
        options: { siteKey: 'test_pass', scriptUrl, refresh: 'never' },
        onverify: () => {},
        onerror,
        onexpire,
      },
    })
    await settle()
    fake.latest().fail('invalid_app_key')
    flushSync()
    expect(onerror).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'provider-error', providerCode: 'invalid_app_key' }),
    )
    fake.latest().solve('pt_short', 0.05)
    flushSync()
    expect(screen.getByTestId('bound-token').textContent).toBe('pt_short')
    await new Promise((resolve) => setTimeout(resolve, 80))
    flushSync()
    expect(onexpire).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('bound-token').textContent).toBe('none')
  })

  it('calls the newest inline handler without re-creating the widget', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const first = vi.fn()
    const second = vi.fn()
    const { rerender } = render(Parent, {
      props: { options: { siteKey: 'test_pass', scriptUrl }, onverify: first },
    })
    await settle()
    await rerender({ onverify: second })
    fake.latest().solve('pt_new')
    flushSync()
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledWith('pt_new')
    expect(fake.widgets).toHaveLength(1)
  })

  it('bind:this gives execute, getToken, consume, reset and getState', async () => {
    const { scriptUrl } = fakeCaptchala()
    let handle!: CaptchaHandle
    render(Parent, {
      props: {
        options: { siteKey: 'test_pass', scriptUrl, execution: 'execute' },
        onverify: () => {},
        expose: (value) => (handle = value),
      },
    })
    await settle()
    await expect(handle.getToken()).resolves.toBe('pt_fake_1')
    await expect(handle.execute()).resolves.toBe('pt_fake_2')
    await expect(handle.consume()).resolves.toBe('pt_fake_2')
    expect(handle.getState()).toMatchObject({ status: 'ready', token: null })
    handle.reset()
  })

  it('reacts to prop changes: a theme re-renders the widget, a siteKey re-creates it, one stays live', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const { rerender, unmount } = render(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, theme: 'light' },
    })
    await settle()
    await rerender({ theme: 'dark' })
    await settle()
    expect(fake.live().map((widget) => widget.config.theme)).toEqual(['dark'])
    await rerender({ siteKey: 'test_pass_invisible' })
    await settle()
    expect(fake.live().map((widget) => widget.config.appKey)).toEqual(['test_pass_invisible'])
    unmount()
    expect(fake.live()).toHaveLength(0)
  })

  it('takes setCaptchaDefaults(), and its props win', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    render(WithDefaults, {
      props: {
        defaults: () => ({ siteKey: 'test_pass', scriptUrl, nonce: 'n2', theme: 'dark' }),
        child: Captcha,
        props: { action: 'login', theme: 'light' },
      },
    })
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
    render(Captcha, { props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } } })
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
    render(Captcha, { props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } } })
    await vi.advanceTimersByTimeAsync(0)
    flushSync()
    expect(region().textContent).toMatch(/could not load/)
    fake.options = {}
    await vi.advanceTimersByTimeAsync(1000)
    flushSync()
    expect(region().textContent).toBe('')
    expect(fake.live()).toHaveLength(1)
    vi.useRealTimers()
  })

  it('speaks its language once that table has loaded', async () => {
    const { scriptUrl } = failing()
    render(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 }, language: 'ko' },
    })
    await vi.waitFor(() =>
      expect(region().textContent).toBe('보안 확인을 불러오지 못했습니다. 다시 시도'),
    )
  })

  it('renders the failure snippet instead, given the failure and a retry', async () => {
    const { fake, scriptUrl } = failing()
    render(FailureSnippet, {
      props: { options: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } } },
    })
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
