import { mount } from '@vue/test-utils'
import { defineComponent, h, nextTick, ref } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { Captcha } from './captcha'
import { createPasslinePlugin } from './plugin'
import { fakeCaptchala, settle } from './test-utils'

describe('<Captcha>', () => {
  it('emits verify, status-change and update:token, and renders its container', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const wrapper = mount(Captcha, { props: { siteKey: 'test_pass', scriptUrl } })
    await settle()
    // The widget renders into the component's first child; the live region follows it.
    const box = wrapper.find('[data-passline-captcha]').element
    expect(fake.latest().container).toBe(box.firstElementChild)
    expect(box.lastElementChild!.getAttribute('role')).toBe('status')
    fake.latest().solve('pt_component')
    await nextTick()
    expect(wrapper.emitted('verify')).toEqual([['pt_component']])
    expect(wrapper.emitted('update:token')).toEqual([['pt_component']])
    expect(wrapper.emitted('status-change')).toEqual([['loading'], ['ready'], ['verified']])
    wrapper.unmount()
  })

  it('works with v-model:token', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const token = ref<string | null>(null)
    const Parent = defineComponent({
      setup: () => () =>
        h(Captcha, {
          siteKey: 'test_pass',
          scriptUrl,
          token: token.value,
          'onUpdate:token': (value: string | null) => (token.value = value),
        }),
    })
    const wrapper = mount(Parent)
    await settle()
    fake.latest().solve('pt_model')
    await nextTick()
    expect(token.value).toBe('pt_model')
    wrapper.unmount()
  })

  it('emits error and expire, and the model follows to null', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    const wrapper = mount(Captcha, { props: { siteKey: 'test_pass', scriptUrl, refresh: 'never' } })
    await settle()
    fake.latest().fail('invalid_app_key')
    await nextTick()
    expect(wrapper.emitted('error')![0]![0]).toMatchObject({
      code: 'provider-error',
      providerCode: 'invalid_app_key',
    })
    fake.latest().solve('pt_short', 0.05)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(wrapper.emitted('expire')).toHaveLength(1)
    expect(wrapper.emitted('update:token')!.at(-1)).toEqual([null])
    wrapper.unmount()
  })

  it('exposes execute, getToken, consume, reset and getState', async () => {
    const { scriptUrl } = fakeCaptchala()
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, execution: 'execute' },
    })
    await settle()
    const handle = wrapper.vm as unknown as {
      getToken(): Promise<string>
      execute(): Promise<string>
      consume(): Promise<string>
      reset(): void
      getState(): { status: string; token: string | null }
    }
    await expect(handle.getToken()).resolves.toBe('pt_fake_1')
    await expect(handle.execute()).resolves.toBe('pt_fake_2')
    await expect(handle.consume()).resolves.toBe('pt_fake_2')
    expect(handle.getState()).toMatchObject({ status: 'ready', token: null })
    handle.reset()
    wrapper.unmount()
  })

  it('reacts to prop changes: theme re-renders the widget, one stays live', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, theme: 'light' as const },
    })
    await settle()
    await wrapper.setProps({ theme: 'dark' })
    await settle()
    expect(fake.live().map((w) => w.config.theme)).toEqual(['dark'])
    wrapper.unmount()
    expect(fake.live()).toHaveLength(0)
  })

  it('is registered as <PasslineCaptcha> by the plugin, with its defaults', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const App = defineComponent({ template: '<PasslineCaptcha action="login" />' })
    const wrapper = mount(App, {
      global: { plugins: [createPasslinePlugin({ siteKey: 'test_pass', scriptUrl, nonce: 'n2' })] },
    })
    await settle()
    expect(fake.latest().config).toMatchObject({ appKey: 'test_pass', action: 'login' })
    expect(document.querySelector('script')!.getAttribute('nonce')).toBe('n2')
    wrapper.unmount()
  })
})

describe('<Captcha> after a failure', () => {
  const failing = () => fakeCaptchala({ script: 'error' })

  it('says so in words in its live region, with a button that tries again', async () => {
    const { fake, scriptUrl } = failing()
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } },
      attachTo: document.body,
    })
    await settle()
    const region = wrapper.find('[role="status"]')
    expect(region.text()).toBe('The security check could not load. Try again')
    fake.options = {}
    await region.find('button').trigger('click')
    await settle()
    expect(region.text()).toBe('')
    expect(fake.live()).toHaveLength(1)
    wrapper.unmount()
  })

  it('heals by itself: the message goes once the widget is back, with no call', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl } = failing()
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } },
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(wrapper.find('[role="status"]').text()).toMatch(/could not load/)
    fake.options = {}
    await vi.advanceTimersByTimeAsync(1000)
    expect(wrapper.find('[role="status"]').text()).toBe('')
    expect(fake.live()).toHaveLength(1)
    wrapper.unmount()
    vi.useRealTimers()
  })

  it('speaks its language once that table has loaded', async () => {
    const { scriptUrl } = failing()
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 }, language: 'de' },
    })
    await vi.waitFor(() =>
      expect(wrapper.find('[role="status"]').text()).toBe(
        'Die Sicherheitsprüfung konnte nicht geladen werden. Erneut versuchen',
      ),
    )
    wrapper.unmount()
  })

  it('renders the failure slot instead, given the failure and a retry', async () => {
    const { fake, scriptUrl } = failing()
    const wrapper = mount(Captcha, {
      props: { siteKey: 'test_pass', scriptUrl, retry: { attempts: 1 } },
      slots: {
        failure: `<template #failure="{ error, message, retry }"><p>{{ error.code }}: {{ message }}<button @click="retry">Reload the check</button></p></template>`,
      },
    })
    await settle()
    expect(wrapper.find('[role="status"]').text()).toBe(
      'script-load-failed: The security check could not load.Reload the check',
    )
    fake.options = {}
    await wrapper.find('button').trigger('click')
    await settle()
    expect(wrapper.find('[role="status"]').text()).toBe('')
    wrapper.unmount()
  })
})
