// @passline/vue: <Captcha> with its exposed handle.
import { Captcha } from '@passline/vue'
import { createApp, h, ref } from 'vue'
import { deferred, type BenchBinding } from './types'

window.benchBinding = {
  mount(container, { loaderUrl, siteKey, verify }) {
    const start = performance.now()
    const ready = deferred<number>()
    const handle = ref<{ getToken(): Promise<string> } | null>(null)
    const app = createApp({
      render: () =>
        h(Captcha, {
          ref: handle,
          siteKey,
          scriptUrl: loaderUrl,
          execution: 'execute',
          onStatusChange: (status: string) => {
            if (status === 'ready') ready.resolve(performance.now() - start)
          },
        }),
    })
    app.mount(container)
    const verified = verify
      ? ready.promise.then(() => handle.value!.getToken()).then(() => performance.now() - start)
      : null
    return { ready: ready.promise, verified, unmount: () => app.unmount() }
  },
} satisfies BenchBinding
