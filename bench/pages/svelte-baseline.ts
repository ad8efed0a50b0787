// Control: the same mount/unmount with Svelte and no CAPTCHA at all (a compiled one-<div>
// component), so what Svelte itself keeps and spends is told apart from the binding's.
import { mount, unmount } from 'svelte'
import Empty from './svelte-empty.svelte'
import type { BenchBinding } from './types'

window.benchBinding = {
  mount(container) {
    const start = performance.now()
    const app = mount(Empty, { target: container })
    // Svelte mounts synchronously: the tree is in the document now.
    const mounted = performance.now() - start
    return { ready: Promise.resolve(mounted), verified: null, unmount: () => void unmount(app) }
  },
} satisfies BenchBinding
