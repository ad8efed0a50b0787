// Control for the leak figures: the same mount/unmount with React and no CAPTCHA at all, so
// what React itself keeps per root is told apart from what the binding keeps.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { BenchBinding } from './types'

window.benchBinding = {
  mount(container) {
    const root = createRoot(container)
    root.render(
      <StrictMode>
        <div className="captcha" />
      </StrictMode>,
    )
    return { ready: Promise.resolve(0), verified: null, unmount: () => root.unmount() }
  },
} satisfies BenchBinding
