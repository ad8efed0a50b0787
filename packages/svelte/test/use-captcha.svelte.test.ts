import { render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import type { UseCaptchaOptions, UseCaptchaReturn } from '../src/index.js'
import { fakeCaptchala, settle } from './test-utils'
import UseCaptchaHarness from './UseCaptchaHarness.svelte'
import WithDefaults from './WithDefaults.svelte'

/** Renders the harness; `api()` is what useCaptcha returned. */
function harness(
  options: UseCaptchaOptions | (() => UseCaptchaOptions),
  binding: 'attach' | 'action' = 'attach',
) {
  let api!: UseCaptchaReturn
  const view = render(UseCaptchaHarness, { options, binding, expose: (value) => (api = value) })
  return { ...view, api: () => api }
}

describe('useCaptcha', () => {
  it.each(['attach', 'action'] as const)(
    'mounts through the %s, keeps reactive state, and hands out tokens',
    async (binding) => {
      const { fake, scriptUrl } = fakeCaptchala()
      const { api, unmount } = harness(
        { siteKey: 'test_pass', scriptUrl, execution: 'execute' },
        binding,
      )
      expect(api().status).toBe('loading')
      await settle()
      expect(screen.getByRole('status').textContent).toBe('ready')
      const token = api().getToken()
      await expect(token).resolves.toBe('pt_fake_1')
      expect(fake.latest().container).toBe(screen.getByTestId('widget'))
      flushSync()
      expect(screen.getByTestId('token').textContent).toBe('pt_fake_1')
      expect(api()).toMatchObject({ status: 'verified', token: 'pt_fake_1', error: null })
      expect(api().expiresAt).toBeGreaterThan(Date.now())
      await expect(api().consume()).resolves.toBe('pt_fake_1')
      flushSync()
      expect(api().token).toBeNull()
      unmount()
      expect(fake.live()).toHaveLength(0)
    },
  )

  it('after a failed load, the next consume() heals by itself and status follows', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ script: 'error' })
    const { api } = harness({
      siteKey: 'test_pass',
      scriptUrl,
      execution: 'execute',
      retry: { attempts: 1 },
    })
    await settle()
    expect(api().status).toBe('error')
    expect(api().error).toMatchObject({ code: 'script-load-failed' })
    fake.options = {}
    const token = api().consume()
    flushSync()
    expect(screen.getByRole('status').textContent).toBe('loading')
    await expect(token).resolves.toBe('pt_fake_1')
    await settle()
    expect(screen.getByRole('status').textContent).toBe('ready')
    expect(api().error).toBeNull()
  })

  it('exposes the snapshot itself, reference-stable between changes', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const { api } = harness({ siteKey: 'test_pass', scriptUrl })
    await settle()
    const ready = api().state
    expect(api().state).toBe(ready)
    fake.latest().solve('pt_svelte', 60)
    flushSync()
    expect(api().state).not.toBe(ready)
    expect(api().state).toMatchObject({ status: 'verified', token: 'pt_svelte' })
    expect(Object.isFrozen(api().state)).toBe(true)
  })

  it('tracks a getter: language in place, a new siteKey re-creates the widget', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const settings = $state({ language: 'en', siteKey: 'test_pass' })
    harness(() => ({ siteKey: settings.siteKey, scriptUrl, language: settings.language }))
    await settle()
    settings.language = 'ko'
    await settle()
    expect(fake.widgets).toHaveLength(1)
    expect(fake.latest().lang).toBe('ko')
    settings.siteKey = 'test_pass_invisible'
    await settle()
    expect(fake.live().map((widget) => widget.config.appKey)).toEqual(['test_pass_invisible'])
  })

  it('an equal object from the getter changes nothing, and the newest getServerToken is called', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const round = $state({ value: 1 })
    const calls: number[] = []
    harness(() => {
      const current = round.value
      return {
        siteKey: 'test_pass',
        scriptUrl,
        getServerToken: async () => {
          calls.push(current)
          return `st_${current}`
        },
      }
    })
    await settle()
    expect(calls).toEqual([1])
    round.value = 2
    await settle()
    expect(fake.widgets).toHaveLength(1)
    fake.latest().fail('server_token_expired')
    await settle()
    expect(calls.at(-1)).toBe(2)
  })

  it('takes setCaptchaDefaults() from above, reactively; its own options win', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const app = $state({ theme: 'dark' as 'dark' | 'light' })
    let api!: UseCaptchaReturn
    render(WithDefaults, {
      props: {
        defaults: () => ({ siteKey: 'test_pass', scriptUrl, language: 'de', theme: app.theme }),
        child: UseCaptchaHarness,
        props: { options: { language: 'es' }, expose: (value: UseCaptchaReturn) => (api = value) },
      },
    })
    await settle()
    expect(api.status).toBe('ready')
    expect(fake.latest()).toMatchObject({
      lang: 'es',
      config: { appKey: 'test_pass', theme: 'dark' },
    })
    app.theme = 'light'
    await settle()
    expect(fake.live().map((widget) => widget.config.theme)).toEqual(['light'])
  })

  it('unmounting mid-flight settles pending calls, leaves no widget, no timer, no late update', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const { api, unmount } = harness({ siteKey: 'test_pass', scriptUrl, refresh: 'manual' })
    await vi.advanceTimersByTimeAsync(0)
    flushSync()
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
    expect(api().token).toBe('pt_a')
  })

  it('an {#if} swapping the element moves the widget to the new one; the controller lives on', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const { api, rerender } = harness({ siteKey: 'test_pass', scriptUrl, execution: 'execute' })
    await settle()
    expect(fake.live()).toHaveLength(1)
    await rerender({ binding: 'action' })
    await settle()
    expect(fake.widgets).toHaveLength(2)
    expect(fake.widgets[0]!.destroyed).toBe(true)
    expect(fake.live()).toHaveLength(1)
    await expect(api().getToken()).resolves.toMatch(/^pt_fake_/)
    expect(fake.latest().container).toBe(screen.getByTestId('widget'))
  })

  it('throws invalid-options while initialising without any siteKey', () => {
    expect(() => harness({})).toThrow(expect.objectContaining({ code: 'invalid-options' }))
  })
})
