// @passline/svelte: <Captcha> mounted with Svelte's `mount`; its exports are the handle.
import { Captcha, type CaptchaHandle } from '@passline/svelte'
import { mount, unmount } from 'svelte'
import { deferred, type BenchBinding } from './types'

window.benchBinding = {
  mount(container, { loaderUrl, siteKey, verify }) {
    const start = performance.now()
    const ready = deferred<number>()
    const handle: CaptchaHandle = mount(Captcha, {
      target: container,
      props: {
        siteKey,
        scriptUrl: loaderUrl,
        execution: 'execute',
        onstatuschange: (status) => {
          if (status === 'ready') ready.resolve(performance.now() - start)
        },
      },
    })
    const verified = verify
      ? ready.promise.then(() => handle.getToken()).then(() => performance.now() - start)
      : null
    return { ready: ready.promise, verified, unmount: () => void unmount(handle) }
  },
} satisfies BenchBinding
