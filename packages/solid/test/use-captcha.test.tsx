import { render, screen } from '@solidjs/testing-library'
import { createSignal, Show } from 'solid-js'
import { describe, expect, it, vi } from 'vitest'
import {
  CaptchaConfigProvider,
  useCaptcha,
  type UseCaptchaOptions,
  type UseCaptchaReturn,
} from '../src/index'
import { fakeCaptchala, settle } from './test-utils'

/** A component around useCaptcha; `api()` is what it returned. */
function harness(
  options: UseCaptchaOptions | (() => UseCaptchaOptions),
  show: () => 'first' | 'second' = () => 'first',
) {
  let api!: UseCaptchaReturn
  function Form() {
    api = useCaptcha(options)
    return (
      <form>
        <Show when={show() === 'first'} fallback={<div ref={api.ref} data-testid="widget" />}>
          <div ref={api.ref} data-testid="widget" />
        </Show>
        <output>{api.status()}</output>
        <p data-testid="token">{api.token() ?? 'none'}</p>
      </form>
    )
  }
  return { Form, api: () => api }
}

describe('useCaptcha', () => {
  it('mounts into the ref, keeps state in accessors, and hands out tokens', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const { Form, api } = harness({ siteKey: 'test_pass', scriptUrl, execution: 'execute' })
    const { unmount } = render(() => <Form />)
    expect(api().status()).toBe('loading')
    await settle()
    expect(screen.getByRole('status').textContent).toBe('ready')
    await expect(api().getToken()).resolves.toBe('pt_fake_1')
    expect(fake.latest().container).toBe(screen.getByTestId('widget'))
    expect(screen.getByTestId('token').textContent).toBe('pt_fake_1')
    expect(api().error()).toBeNull()
    expect(api().expiresAt()).toBeGreaterThan(Date.now())
    await expect(api().consume()).resolves.toBe('pt_fake_1')
    expect(api().token()).toBeNull()
    unmount()
    expect(fake.live()).toHaveLength(0)
  })

  it('after a failed load, the next consume() heals by itself and status follows', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ script: 'error' })
    const { Form, api } = harness({
      siteKey: 'test_pass',
      scriptUrl,
      execution: 'execute',
      retry: { attempts: 1 },
    })
    render(() => <Form />)
    await settle()
    expect(api().status()).toBe('error')
    expect(api().error()).toMatchObject({ code: 'script-load-failed' })
    fake.options = {}
    const token = api().consume()
    // The accessor at once; the page after the next flush on Solid 2, at once on Solid 1.
    expect(api().status()).toBe('loading')
    await expect(token).resolves.toBe('pt_fake_1')
    await settle()
    expect(screen.getByRole('status').textContent).toBe('ready')
    expect(api().error()).toBeNull()
  })

  it('gives the snapshot itself, reference-stable between changes', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const { Form, api } = harness({ siteKey: 'test_pass', scriptUrl })
    render(() => <Form />)
    await settle()
    const ready = api().state()
    expect(api().state()).toBe(ready)
    fake.latest().solve('pt_solid', 60)
    expect(api().state()).not.toBe(ready)
    expect(api().state()).toMatchObject({ status: 'verified', token: 'pt_solid' })
    expect(Object.isFrozen(api().state())).toBe(true)
  })

  it('tracks an accessor: language in place, a new siteKey re-creates the widget', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const [language, setLanguage] = createSignal('en')
    const [siteKey, setSiteKey] = createSignal('test_pass')
    const { Form } = harness(() => ({ siteKey: siteKey(), scriptUrl, language: language() }))
    render(() => <Form />)
    await settle()
    setLanguage('ko')
    await settle()
    expect(fake.widgets).toHaveLength(1)
    expect(fake.latest().lang).toBe('ko')
    setSiteKey('test_pass_invisible')
    await settle()
    expect(fake.live().map((widget) => widget.config.appKey)).toEqual(['test_pass_invisible'])
  })

  it('an equal object from the accessor changes nothing, and the newest getServerToken is called', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const [round, setRound] = createSignal(1)
    const calls: number[] = []
    const { Form } = harness(() => {
      const current = round()
      return {
        siteKey: 'test_pass',
        scriptUrl,
        getServerToken: async () => {
          calls.push(current)
          return `st_${current}`
        },
      }
    })
    render(() => <Form />)
    await settle()
    expect(calls).toEqual([1])
    setRound(2)
    await settle()
    expect(fake.widgets).toHaveLength(1)
    fake.latest().fail('server_token_expired')
    await settle()
    expect(calls.at(-1)).toBe(2)
  })

  it('takes CaptchaConfigProvider’s defaults, tracked; its own options win', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const [theme, setTheme] = createSignal<'dark' | 'light'>('dark')
    const { Form, api } = harness({ language: 'es' })
    render(() => (
      <CaptchaConfigProvider
        value={{ siteKey: 'test_pass', scriptUrl, language: 'de', theme: theme() }}
      >
        <Form />
      </CaptchaConfigProvider>
    ))
    await settle()
    expect(api().status()).toBe('ready')
    expect(fake.latest()).toMatchObject({
      lang: 'es',
      config: { appKey: 'test_pass', theme: 'dark' },
    })
    setTheme('light')
    await settle()
    expect(fake.live().map((widget) => widget.config.theme)).toEqual(['light'])
  })

  it('unmounting mid-flight settles pending calls, leaves no widget, no timer, no late update', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const { Form, api } = harness({ siteKey: 'test_pass', scriptUrl, refresh: 'manual' })
    const { unmount } = render(() => <Form />)
    await vi.advanceTimersByTimeAsync(0)
    const pending = api().getToken()
    const widget = fake.latest()
    widget.solve('pt_a', 30)
    await pending
    const next = api().execute()
    unmount()
    await expect(next).rejects.toMatchObject({ code: 'aborted' })
    widget.solve('pt_late')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.live()).toHaveLength(0)
    expect(vi.getTimerCount()).toBe(0)
    expect(api().token()).toBe('pt_a')
  })

  it('a <Show> swapping the element moves the widget to the new one; the controller lives on', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const [shown, setShown] = createSignal<'first' | 'second'>('first')
    const { Form, api } = harness({ siteKey: 'test_pass', scriptUrl, execution: 'execute' }, shown)
    render(() => <Form />)
    await settle()
    setShown('second')
    await settle()
    expect(fake.widgets).toHaveLength(2)
    expect(fake.widgets[0]!.destroyed).toBe(true)
    expect(fake.live()).toHaveLength(1)
    await expect(api().getToken()).resolves.toMatch(/^pt_fake_/)
    expect(fake.latest().container).toBe(screen.getByTestId('widget'))
  })

  it('throws invalid-options without any siteKey', () => {
    const { Form } = harness({})
    expect(() => render(() => <Form />)).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    )
  })
})
