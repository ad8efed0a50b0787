// Control: the same mount/unmount with Solid and no CAPTCHA at all, so what Solid itself keeps
// and spends is told apart from the binding's.
import { render } from 'solid-js/web'
import type { BenchBinding } from './types'

window.benchBinding = {
  mount(container) {
    const start = performance.now()
    const dispose = render(() => {
      const element = document.createElement('div')
      element.className = 'captcha'
      return element
    }, container)
    // Solid renders synchronously: the tree is in the document now.
    const mounted = performance.now() - start
    return { ready: Promise.resolve(mounted), verified: null, unmount: dispose }
  },
} satisfies BenchBinding
