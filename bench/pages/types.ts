// The contract every bench page implements on `window.benchBinding`: mount one widget for the
// invisible test key, report when it is ready and verified, and take it down again.

export interface MountOptions {
  /** The mock's CaptchaLa loader URL. */
  loaderUrl: string
  siteKey: string
  /** Run the challenge once ready (getToken()). */
  verify: boolean
}

export interface Mounted {
  /** ms from mount to ready. */
  ready: Promise<number>
  /** ms from mount to verified; null when `verify` was false. */
  verified: Promise<number> | null
  unmount(): void
}

export interface BenchBinding {
  mount(container: HTMLElement, options: MountOptions): Mounted
}

declare global {
  interface Window {
    benchBinding: BenchBinding
  }
}

/** A promise and its resolve, for callbacks that settle a measurement. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}
