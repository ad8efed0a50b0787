// The floor: the loader and `Captchala.init` by hand, with no Passline in between. Like an
// invisible (execute) flow, the widget is attached only when the challenge runs.
import { deferred, type BenchBinding } from './types'

interface CaptchalaInstance {
  onReady(fn: () => void): CaptchalaInstance
  onSuccess(fn: (result: { token: string }) => void): CaptchalaInstance
  appendTo(target: HTMLElement): CaptchalaInstance
  verify(): CaptchalaInstance
  destroy(): void
}
type CaptchalaWindow = Window & {
  loadCaptchala?: (onLoaded: () => void, onError: () => void) => void
  Captchala?: { init(config: object): CaptchalaInstance }
}

let loader: Promise<void> | null = null
function loadLoader(url: string): Promise<void> {
  loader ??= new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = url
    script.onload = () => resolve()
    script.onerror = reject
    document.head.append(script)
  })
  return loader
}

window.benchBinding = {
  mount(container, { loaderUrl, siteKey, verify }) {
    const start = performance.now()
    const ready = deferred<number>()
    const verified = deferred<number>()
    const win = window as CaptchalaWindow
    let instance: CaptchalaInstance | null = null
    let gone = false
    void loadLoader(loaderUrl).then(() =>
      win.loadCaptchala!(
        () => {
          if (gone) return
          instance = win
            .Captchala!.init({ appKey: siteKey, product: 'embed' })
            .onReady(() => {
              ready.resolve(performance.now() - start)
              if (verify) instance!.appendTo(container).verify()
            })
            .onSuccess(() => verified.resolve(performance.now() - start))
        },
        () => {},
      ),
    )
    return {
      ready: ready.promise,
      verified: verify ? verified.promise : null,
      unmount() {
        gone = true
        instance?.destroy()
      },
    }
  },
} satisfies BenchBinding
