import type { Loaders } from '../provider'
import type { CaptchaOptions } from '../types'

let callbacks = 0

/**
 * Loads a provider script that reports readiness by calling the global function named in its
 * `onload` parameter (Turnstile, hCaptcha, reCAPTCHA), and resolves with the provider's API.
 * The `load` event alone is not enough: these scripts fetch more before their API works. One
 * load per URL per page, shared; an API already on the page (`adopt()`) is used as it is.
 */
export function loadGlobalApi<T>(
  options: CaptchaOptions,
  [loadSdk, loadTries, loadStep]: Loaders,
  scriptUrl: string,
  params: Record<string, string | undefined>,
  adopt: () => T | undefined,
): Promise<T> {
  const url = new URL(options.scriptUrl ?? scriptUrl, document.baseURI)
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value)
  return loadSdk(url.href, adopt, async () => {
    // A name of its own per load, so two loads never answer each other's callback.
    const onload = `__passlineOnload${++callbacks}`
    const win = window as unknown as Record<string, unknown>
    const loaded = new Promise((resolve) => (win[onload] = resolve))
    url.searchParams.set('onload', onload)
    try {
      await loadTries(url.href, options)
      await loadStep(loaded, options.loadTimeoutMs)
    } finally {
      delete win[onload]
    }
  })
}
