// @passline/solid: <Captcha> rendered with Solid's `render`; its `ref` gives the handle.
// Written without JSX, as the package is, so the page needs no Solid compiler.
import { Captcha, type CaptchaHandle } from '@passline/solid'
import { createComponent } from 'solid-js'
import { render } from 'solid-js/web'
import { deferred, type BenchBinding } from './types'

window.benchBinding = {
  mount(container, { loaderUrl, siteKey, verify }) {
    const start = performance.now()
    const ready = deferred<number>()
    let handle!: CaptchaHandle
    const dispose = render(
      () =>
        createComponent(Captcha, {
          siteKey,
          scriptUrl: loaderUrl,
          execution: 'execute',
          ref: (value: CaptchaHandle) => (handle = value),
          onStatusChange: (status) => {
            if (status === 'ready') ready.resolve(performance.now() - start)
          },
        }),
      container,
    )
    const verified = verify
      ? ready.promise.then(() => handle.getToken()).then(() => performance.now() - start)
      : null
    return { ready: ready.promise, verified, unmount: dispose }
  },
} satisfies BenchBinding
