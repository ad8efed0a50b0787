// @passline/core alone.
import { createCaptcha } from '@passline/core'
import { deferred, type BenchBinding } from './types'

window.benchBinding = {
  mount(container, { loaderUrl, siteKey, verify }) {
    const start = performance.now()
    const ready = deferred<number>()
    const captcha = createCaptcha({ siteKey, scriptUrl: loaderUrl, execution: 'execute' })
    const stop = captcha.subscribe((state) => {
      if (state.status === 'ready') ready.resolve(performance.now() - start)
    })
    const unmount = captcha.mount(container)
    const verified = verify
      ? ready.promise.then(() => captcha.getToken()).then(() => performance.now() - start)
      : null
    return {
      ready: ready.promise,
      verified,
      unmount() {
        stop()
        unmount()
        captcha.destroy()
      },
    }
  },
} satisfies BenchBinding
