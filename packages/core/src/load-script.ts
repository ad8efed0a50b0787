import { abortable } from './abortable'
import { hasDocument } from './environment'
import { CaptchaError } from './errors'
import { sharedLoad } from './shared-load'

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

/**
 * Loads a script once per URL per document and shares that one load among all callers.
 * A failed or timed-out tag is removed before the next try; after the last try fails the
 * load is forgotten, so a later call starts afresh.
 */
export function loadScript(src: string, options: LoadScriptOptions = {}): Promise<void> {
  if (!hasDocument()) return Promise.reject(new CaptchaError('unsupported-environment'))
  const url = new URL(src, document.baseURI).href
  // The per-try timeout belongs to the shared load, not to this caller's wait.
  return abortable(() => sharedLoad(url, () => loadWithRetries(url, options)), {
    signal: options.signal,
  })
}

async function loadWithRetries(url: string, options: LoadScriptOptions): Promise<void> {
  const { attempts = 3, baseDelayMs = 500 } = options
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadOnce(url, options)
    } catch (error) {
      if (attempt >= attempts) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)))
  }
}

function loadOnce(url: string, { nonce, timeoutMs = 10_000 }: LoadScriptOptions): Promise<void> {
  // Adopt a tag someone else added for the same URL instead of requesting it twice.
  let tag = [...document.scripts].find((script) => script.src === url)
  if (!tag) {
    tag = document.createElement('script')
    // Script-inserted tags are async already.
    tag.src = url
    if (nonce) tag.setAttribute('nonce', nonce)
    document.head.append(tag)
  }
  const script = tag
  const loaded = new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve())
    script.addEventListener('error', () => reject(new CaptchaError('script-load-failed')))
  })
  return abortable(() => loaded, { timeoutMs }, 'script-timeout').catch((error: unknown) => {
    script.remove()
    throw error
  })
}
