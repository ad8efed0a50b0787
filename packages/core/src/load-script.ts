import { abortable } from './abortable'
import { hasDocument } from './environment'
import { CaptchaError } from './errors'
import { sharedLoad } from './shared-load'
import type { CaptchaOptions } from './types'

/** Each try's timeout, and that of every other load step the controller takes. */
export const DEFAULT_LOAD_TIMEOUT_MS = 10_000
export const DEFAULT_BASE_DELAY_MS = 500
/**
 * The controller's script tries in all, where `loadScript` alone makes three: with the
 * adapter's chunk ahead of the script, a third would take a call past the 60 s bound
 * (STATE-MACHINE.md), and a failed widget tries again by itself anyway.
 */
export const DEFAULT_SCRIPT_ATTEMPTS = 2

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
export function loadScript(
  src: string,
  { nonce, timeoutMs, attempts = 3, baseDelayMs, signal }: LoadScriptOptions = {},
): Promise<void> {
  if (!hasDocument()) return Promise.reject(new CaptchaError('unsupported-environment'))
  const url = new URL(src, document.baseURI).href
  const tries = { nonce, loadTimeoutMs: timeoutMs, retry: { attempts, baseDelayMs } }
  // The per-try timeout belongs to the shared load, not to this caller's wait.
  return abortable(() => sharedLoad(url, () => loadTries(url, tries)), { signal })
}

// Tries that failed in this document. A timed-out request may stay pending, and the browser
// answers every new tag for the same URL from it (Chromium does), so that no later try, nor a
// later load, would ever settle: after a failure each try asks for a URL of its own.
let failedTries = 0

/**
 * The tries themselves for an absolute `url`, as a controller's options ask (the adapters
 * call this directly and share their whole SDK load instead, so a page that never calls
 * `loadScript` carries neither its sharing nor its own option names).
 */
export async function loadTries(
  url: string,
  { nonce, loadTimeoutMs, retry }: Pick<CaptchaOptions, 'nonce' | 'loadTimeoutMs' | 'retry'>,
  module?: boolean,
): Promise<void> {
  const { attempts = DEFAULT_SCRIPT_ATTEMPTS, baseDelayMs = DEFAULT_BASE_DELAY_MS } = retry ?? {}
  for (let attempt = 1; ; attempt++) {
    try {
      // Resolves with nothing: a try settles with the tag's event, which is no caller's business.
      const target = new URL(url)
      // The `search` setter keeps the other parameters as they are written.
      if (failedTries) target.search += `&retry=${failedTries}`
      await loadOnce(target.href, nonce, loadTimeoutMs, module)
      return
    } catch (error: unknown) {
      failedTries++
      if (attempt >= attempts) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)))
  }
}

/**
 * One try, settled with the tag's `load` or `error` event (a failure's event becomes the
 * `script-load-failed` error's `cause`). A tag someone else added for `url` is adopted instead
 * of requesting it twice.
 * `module`: for a build whose top-level declarations must not land in the page's global scope.
 */
function loadOnce(
  url: string,
  nonce?: string,
  timeoutMs?: number,
  module?: boolean,
): Promise<unknown> {
  const adopted = [...document.scripts].find((tag) => tag.src === url)
  const script = adopted ?? document.createElement('script')
  if (!adopted) {
    // Script-inserted tags are async already.
    script.src = url
    if (module) script.type = 'module'
    if (nonce) script.setAttribute('nonce', nonce)
    document.head.append(script)
  }
  const loaded = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve)
    script.addEventListener('error', reject)
  })
  return loadStep(loaded, timeoutMs).catch((error: unknown) => {
    script.remove()
    throw error
  })
}

/**
 * Bounds one load step (a try, an adapter chunk, an SDK's own start-up): `script-timeout`
 * after `timeoutMs`, and `script-load-failed` (with the step's reason as `cause`) if it fails.
 */
export const loadStep = <T>(step: Promise<T>, timeoutMs = DEFAULT_LOAD_TIMEOUT_MS): Promise<T> =>
  abortable(
    () =>
      step.catch((cause: unknown) => {
        throw new CaptchaError('script-load-failed', { cause })
      }),
    { timeoutMs },
    'script-timeout',
  )

/**
 * Loads a provider's SDK and resolves with its API, which `adopt` finds on the page: once per
 * `key` for every widget on the page, a failure forgotten. An API already there is adopted as
 * it is; otherwise `start` takes the load steps, and an API still missing after them fails the
 * load. Here, not in an adapter, so that every adapter chunk shares it with the engine.
 */
export const loadSdk = <T>(
  key: string,
  adopt: () => T | undefined,
  start: () => Promise<unknown>,
): Promise<T> =>
  sharedLoad(`sdk ${key}`, async () => {
    if (!adopt()) await start()
    const api = adopt()
    if (!api) throw new CaptchaError('script-load-failed')
    return api
  })
