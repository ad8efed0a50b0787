import { abortable } from '../abortable'
import { CaptchaError } from '../errors'
import { loadScript, type LoadScriptOptions } from '../load-script'
import { sharedLoad } from '../shared-load'

let callbacks = 0

/**
 * Loads a provider script that reports readiness by calling the global function named in its
 * `onload` parameter (Turnstile, hCaptcha, reCAPTCHA), and resolves with the provider's API.
 * The `load` event alone is not enough: these scripts fetch more before their API works. One
 * load per URL per page, shared; an API already on the page (`adopt()`) is used as it is.
 */
export function loadGlobalApi<T>(
  scriptUrl: string,
  params: Record<string, string | undefined>,
  adopt: () => T | undefined,
  options: LoadScriptOptions,
): Promise<T> {
  const url = new URL(scriptUrl, document.baseURI)
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value)
  return sharedLoad(url.href, async () => {
    const existing = adopt()
    if (existing) return existing
    // A name of its own per load, so two loads never answer each other's callback.
    const onload = `__passlineOnload${++callbacks}`
    const win = window as unknown as Record<string, unknown>
    const loaded = new Promise<void>((resolve) => (win[onload] = resolve))
    url.searchParams.set('onload', onload)
    try {
      await loadScript(url.href, options)
      await abortable(() => loaded, { timeoutMs: options.timeoutMs ?? 10_000 }, 'script-timeout')
    } finally {
      delete win[onload]
    }
    const api = adopt()
    if (!api) throw new CaptchaError('script-load-failed')
    return api
  })
}

/** `'auto'` as the provider's light or dark, for providers that have no `auto` theme. */
export function explicitTheme(theme: string | undefined): 'light' | 'dark' {
  if (theme === 'light' || theme === 'dark') return theme
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** A language for providers that take a tag: `undefined` for `'auto'` lets them follow the browser. */
export function explicitLanguage(language: string | undefined): string | undefined {
  return language && language !== 'auto' ? language : undefined
}
