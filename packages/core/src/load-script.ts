import { abortable } from './abortable'
import { hasDocument } from './environment'
import { CaptchaError } from './errors'

export interface LoadScriptOptions {
  /** CSP nonce, set as an attribute: browsers hide the property from scripts that read it. */
  nonce?: string | undefined
  /** Timeout of each try. Default 10 000 ms. */
  timeoutMs?: number | undefined
  /** Tries in all, the first included. Default 3. */
  attempts?: number | undefined
  /** Wait before the second try, doubling after each failure. Default 500 ms. */
  baseDelayMs?: number | undefined
  /** Stops this caller waiting; the load goes on for everyone else. */
  signal?: AbortSignal | undefined
}

const loadsByDocument = new WeakMap<Document, Map<string, Promise<void>>>()

/**
 * Loads a script once per URL per document and shares that one load among all callers.
 * A failed or timed-out tag is removed before the next try; after the last try fails the
 * load is forgotten, so a later call starts afresh.
 */
export function loadScript(src: string, options: LoadScriptOptions = {}): Promise<void> {
  if (!hasDocument()) return Promise.reject(new CaptchaError('unsupported-environment'))
  const url = new URL(src, document.baseURI).href
  let loads = loadsByDocument.get(document)
  if (!loads) loadsByDocument.set(document, (loads = new Map()))
  let load = loads.get(url)
  if (!load) {
    const started = loadWithRetries(url, options)
    const forgetOnFailure = (error: unknown) => {
      if (loads.get(url) === load) loads.delete(url)
      throw error
    }
    load = started.catch(forgetOnFailure)
    loads.set(url, load)
  }
  return abortable(load, options)
}

async function loadWithRetries(url: string, options: LoadScriptOptions): Promise<void> {
  const { attempts = 3, baseDelayMs = 500 } = options
  let failure: unknown
  for (let attempt = 0; attempt < Math.max(1, attempts); attempt++) {
    if (attempt > 0) await delay(baseDelayMs * 2 ** (attempt - 1))
    try {
      return await loadOnce(url, options)
    } catch (error) {
      failure = error
    }
  }
  throw failure
}

function loadOnce(url: string, { nonce, timeoutMs = 10_000 }: LoadScriptOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    // Adopt a tag someone else added for the same URL instead of requesting it twice.
    let script = [...document.scripts].find((tag) => tag.src === url)
    if (!script) {
      script = document.createElement('script')
      script.src = url
      script.async = true
      if (nonce) script.setAttribute('nonce', nonce)
      document.head.appendChild(script)
    }
    const tag = script
    const timer = setTimeout(() => fail('script-timeout'), timeoutMs)
    const onLoad = () => {
      cleanUp()
      resolve()
    }
    const onError = () => fail('script-load-failed')
    tag.addEventListener('load', onLoad)
    tag.addEventListener('error', onError)

    function cleanUp() {
      clearTimeout(timer)
      tag.removeEventListener('load', onLoad)
      tag.removeEventListener('error', onError)
    }
    function fail(code: 'script-timeout' | 'script-load-failed') {
      cleanUp()
      tag.remove()
      reject(new CaptchaError(code))
    }
  })
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
