// @passline/react: <Captcha> with its imperative handle, inside a React.Profiler that counts
// commits for the render figures.
import { Captcha, type CaptchaHandle } from '@passline/react'
import { Profiler, StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { deferred, type BenchBinding, type MountOptions } from './types'

declare global {
  interface Window {
    benchRenders: { commits: number; changeCallback(): void }
  }
}

function Bench({
  options,
  onStatus,
  handleRef,
}: {
  options: MountOptions
  onStatus: (status: string) => void
  handleRef: React.RefObject<CaptchaHandle | null>
}) {
  const [generation, setGeneration] = useState(0)
  // A new onVerify function on every render of this parent: the widget must not notice.
  window.benchRenders.changeCallback = () => setGeneration((n) => n + 1)
  return (
    <Profiler id="captcha" onRender={() => (window.benchRenders.commits += 1)}>
      <Captcha
        ref={handleRef}
        siteKey={options.siteKey}
        scriptUrl={options.loaderUrl}
        execution="execute"
        onStatusChange={onStatus}
        onVerify={() => void generation}
      />
    </Profiler>
  )
}

window.benchRenders = { commits: 0, changeCallback: () => {} }
window.benchBinding = {
  mount(container, options) {
    const start = performance.now()
    const ready = deferred<number>()
    const handleRef: React.RefObject<CaptchaHandle | null> = { current: null }
    const root = createRoot(container)
    const onStatus = (status: string) => {
      if (status === 'ready') ready.resolve(performance.now() - start)
    }
    root.render(
      <StrictMode>
        <Bench options={options} onStatus={onStatus} handleRef={handleRef} />
      </StrictMode>,
    )
    const verified = options.verify
      ? ready.promise
          .then(() => handleRef.current!.getToken())
          .then(() => performance.now() - start)
      : null
    return { ready: ready.promise, verified, unmount: () => root.unmount() }
  },
} satisfies BenchBinding
