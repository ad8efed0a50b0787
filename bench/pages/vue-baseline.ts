// Control for the leak figures: the same mount/unmount with Vue and no CAPTCHA at all, so
// what Vue itself keeps per app is told apart from what the binding keeps.
import { createApp, h } from 'vue'
import type { BenchBinding } from './types'

window.benchBinding = {
  mount(container) {
    const app = createApp({ render: () => h('div', { class: 'captcha' }) })
    app.mount(container)
    return { ready: Promise.resolve(0), verified: null, unmount: () => app.unmount() }
  },
} satisfies BenchBinding
