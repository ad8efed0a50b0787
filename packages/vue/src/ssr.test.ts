// @vitest-environment node
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it } from 'vitest'
import { Captcha, createPasslinePlugin, useCaptcha } from './index'

describe('server rendering', () => {
  it('renders the containers with renderToString and touches no browser global', async () => {
    expect(typeof window).toBe('undefined')
    const Form = defineComponent({
      setup() {
        const { containerRef, status } = useCaptcha({ action: 'signup' })
        return () => h('div', { ref: containerRef, 'data-status': status.value })
      },
    })
    const app = createSSRApp({ render: () => [h(Captcha), h(Form)] })
    app.use(createPasslinePlugin({ siteKey: 'test_pass' }))
    expect(await renderToString(app)).toBe(
      '<!--[--><div data-passline-captcha><div></div><div role="status"></div></div><div data-status="idle"></div><!--]-->',
    )
  })
})
