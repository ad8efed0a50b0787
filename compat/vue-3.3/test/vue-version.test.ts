import { mount } from '@vue/test-utils'
import { useCaptcha } from '@passline/vue'
import { computed, defineComponent, h, version } from 'vue'
import { describe, expect, it } from 'vitest'

describe('this project', () => {
  it('runs on Vue 3.3', () => {
    expect(version).toMatch(/^3\.3\./)
  })

  it("sends the binding's own imports of Vue to Vue 3.3", () => {
    // The binding's source sits next to Vue 3.5: its refs are this Vue's only when the aliases
    // send its `vue` imports here too. Otherwise the tests next door quietly run on Vue 3.5.
    let captcha!: ReturnType<typeof useCaptcha>
    const Probe = defineComponent({
      setup() {
        captcha = useCaptcha({ siteKey: 'test_pass' })
        return () => h('div')
      },
    })
    const wrapper = mount(Probe)
    expect(Object.getPrototypeOf(captcha.status)).toBe(Object.getPrototypeOf(computed(() => 0)))
    wrapper.unmount()
  })
})
