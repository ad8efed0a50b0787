// Control: the same mount/unmount with React and no CAPTCHA at all, so what React itself keeps
// per root (leaks) and spends on a first mount (timings) is told apart from the binding's.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { deferred, type BenchBinding } from './types'

window.benchBinding = {
  mount(container) {
    const start = performance.now()
    const committed = deferred<number>()
    const root = createRoot(container)
    root.render(
      <StrictMode>
        <div className="captcha" ref={() => committed.resolve(performance.now() - start)} />
      </StrictMode>,
    )
    return { ready: committed.promise, verified: null, unmount: () => root.unmount() }
  },
} satisfies BenchBinding
