import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { createPasslinePlugin } from './plugin'
import { fakeCaptchala, settle } from './test-utils'
import { useCaptcha, type UseCaptchaReturn } from './use-captcha'

/** A component around useCaptcha; `api` is what the composable returned. */
function harness(options: Parameters<typeof useCaptcha>[0]) {
  let api!: UseCaptchaReturn
  const Component = defineComponent({
    setup() {
      api = useCaptcha(options)
      return () =>
        h('div', [
          h('div', { ref: api.containerRef, 'data-testid': 'widget' }),
          h('output', api.status.value),
        ])
    },
  })
  return { Component, api: () => api }
}

describe('useCaptcha', () => {
  it('mounts into containerRef, keeps status in refs, and hands out tokens', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const { Component, api } = harness({ siteKey: 'test_pass', scriptUrl, execution: 'execute' })
    const wrapper = mount(Component, { attachTo: document.body })
    expect(api().status.value).toBe('loading')
    await settle()
    expect(wrapper.find('output').text()).toBe('ready')
    await expect(api().consume()).resolves.toBe('pt_fake_1')
    await settle()
    expect(api().token.value).toBeNull()
    expect(fake.latest().container).toBe(wrapper.find('[data-testid="widget"]').element)
    wrapper.unmount()
  })

  it('after a failed load, the next consume() heals by itself and status follows', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ script: 'error' })
    const { Component, api } = harness({
      siteKey: 'test_pass',
      scriptUrl,
      execution: 'execute',
      retry: { attempts: 1 },
    })
    const wrapper = mount(Component, { attachTo: document.body })
    await settle()
    expect(api().status.value).toBe('error')
    expect(api().error.value).toMatchObject({ code: 'script-load-failed' })
    fake.options = {}
    const token = api().consume()
    expect(api().status.value).toBe('loading')
    await expect(token).resolves.toBe('pt_fake_1')
    await settle()
    expect(wrapper.find('output').text()).toBe('ready')
    expect(api().error.value).toBeNull()
    wrapper.unmount()
  })

  it('exposes the whole snapshot read-only, and token/error/expiresAt as refs', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const { Component, api } = harness({ siteKey: 'test_pass', scriptUrl })
    const wrapper = mount(Component)
    await settle()
    fake.latest().solve('pt_vue', 60)
    await nextTick()
    expect(api().state.value).toMatchObject({ status: 'verified', token: 'pt_vue' })
    expect(api().token.value).toBe('pt_vue')
    expect(api().expiresAt.value).toBeGreaterThan(Date.now())
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    // @ts-expect-error the snapshot is read-only
    api().state.value = null
    expect(api().state.value).not.toBeNull()
    expect(warn).toHaveBeenCalled()
    wrapper.unmount()
  })

  it('takes refs and getters, and pushes their changes: language in place, siteKey re-creates', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const language = ref('en')
    const siteKey = ref('test_pass')
    const { Component } = harness(() => ({
      siteKey: siteKey.value,
      scriptUrl,
      language: language.value,
    }))
    const wrapper = mount(Component)
    await settle()
    language.value = 'ko'
    await settle()
    expect(fake.widgets).toHaveLength(1)
    expect(fake.latest().lang).toBe('ko')
    siteKey.value = 'test_pass_invisible'
    await settle()
    expect(fake.live().map((w) => w.config.appKey)).toEqual(['test_pass_invisible'])
    wrapper.unmount()
  })

  it('takes the plugin’s defaults; its own options win', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const { Component } = harness({ language: 'es' })
    const wrapper = mount(Component, {
      global: {
        plugins: [
          createPasslinePlugin({ siteKey: 'test_pass', scriptUrl, language: 'de', theme: 'dark' }),
        ],
      },
    })
    await settle()
    expect(fake.latest()).toMatchObject({
      lang: 'es',
      config: { appKey: 'test_pass', theme: 'dark' },
    })
    wrapper.unmount()
  })

  it('unmounting mid-flight settles pending calls, leaves no widget and no late updates', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const { Component, api } = harness({ siteKey: 'test_pass', scriptUrl, refresh: 'manual' })
    const wrapper = mount(Component)
    await vi.advanceTimersByTimeAsync(0)
    const pending = api().getToken()
    const widget = fake.latest()
    widget.solve('pt_a', 30)
    await pending
    const next = api().execute()
    wrapper.unmount()
    await expect(next).rejects.toMatchObject({ code: 'aborted' })
    widget.solve('pt_late')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.live()).toHaveLength(0)
    expect(vi.getTimerCount()).toBe(0)
    expect(api().status.value).toBe('verified')
  })

  it('throws invalid-options in setup without any siteKey', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { Component } = harness({})
    expect(() => mount(Component)).toThrow(expect.objectContaining({ code: 'invalid-options' }))
  })
})
