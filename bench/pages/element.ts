// @passline/element: <passline-captcha> created from script, its methods on the element.
import '@passline/element/define'
import { deferred, type BenchBinding } from './types'

window.benchBinding = {
  mount(container, { loaderUrl, siteKey, verify }) {
    const start = performance.now()
    const ready = deferred<number>()
    const captcha = document.createElement('passline-captcha')
    Object.assign(captcha, { siteKey, scriptUrl: loaderUrl, execution: 'execute' })
    captcha.addEventListener('passline-status', (event) => {
      if (event.detail === 'ready') ready.resolve(performance.now() - start)
    })
    container.append(captcha)
    const verified = verify
      ? ready.promise.then(() => captcha.getToken()).then(() => performance.now() - start)
      : null
    return { ready: ready.promise, verified, unmount: () => captcha.remove() }
  },
} satisfies BenchBinding
