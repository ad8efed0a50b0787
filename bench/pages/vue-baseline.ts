// Control: the same mount/unmount with Vue and no CAPTCHA at all, so what Vue itself keeps per
// app (leaks) and spends on a first mount (timings) is told apart from the binding's.
import { createApp, h } from 'vue'
import type { BenchBinding } from './types'

window.benchBinding = {
  mount(container) {
    const start = performance.now()
    const app = createApp({ render: () => h('div', { class: 'captcha' }) })
    app.mount(container)
    // Vue mounts synchronously: the tree is in the document now.
    const mounted = performance.now() - start
    return { ready: Promise.resolve(mounted), verified: null, unmount: () => app.unmount() }
  },
} satisfies BenchBinding
