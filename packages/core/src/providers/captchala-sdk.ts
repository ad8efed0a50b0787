import type { Loaders } from '../provider'
import type { CaptchaOptions } from '../types'

const CAPTCHALA_LOADER_URL = 'https://cdn.captcha-cdn.net/captchala-loader.js'

/** The part of CaptchaLa's browser SDK that Passline uses. */
export interface CaptchalaConfig {
  appKey: string
  product: 'embed' | 'popup' | 'float' | 'bind'
  action?: string | undefined
  lang?: string | undefined
  theme?: string | undefined
  serverToken?: string | undefined
}

export interface CaptchalaSuccess {
  token: string
  /** Seconds the pass token lives, when the SDK says. */
  expires_in?: number
}

export interface CaptchalaInstance {
  onReady(handler: () => void): CaptchalaInstance
  onSuccess(handler: (result: CaptchalaSuccess) => void): CaptchalaInstance
  onError(handler: (error: unknown) => void): CaptchalaInstance
  onClose(handler: () => void): CaptchalaInstance
  bindTo(target: string | HTMLElement): CaptchalaInstance
  appendTo(target: string | HTMLElement): CaptchalaInstance
  verify(): CaptchalaInstance
  reset(): CaptchalaInstance
  setLang(lang: string): CaptchalaInstance
  destroy(): void
}

export interface CaptchalaGlobal {
  init(config: CaptchalaConfig): CaptchalaInstance
}

export interface CaptchalaWindow {
  Captchala?: CaptchalaGlobal
  loadCaptchala?: (onLoaded: () => void, onError: (error?: unknown) => void) => void
}

/**
 * The loader script defines `loadCaptchala`, which in turn fetches the SDK and its styles.
 * Both steps are shared by every widget on the page; each has its own timeout; a failure is
 * forgotten so the next mount or reset tries again. An SDK already on the page is adopted, and
 * a `loadCaptchala` already defined is called without loading the loader again.
 */
export function loadCaptchalaSdk(
  options: CaptchaOptions,
  [loadSdk, loadTries, loadStep]: Loaders,
): Promise<CaptchalaGlobal> {
  const win = window as CaptchalaWindow
  const url = new URL(options.scriptUrl ?? CAPTCHALA_LOADER_URL, document.baseURI).href
  return loadSdk(
    url,
    () => win.Captchala,
    async () => {
      if (!win.loadCaptchala) await loadTries(url, options)
      await loadStep(
        new Promise<void>((resolve, reject) => win.loadCaptchala!(resolve, reject)),
        options.loadTimeoutMs,
      )
    },
  )
}

/**
 * CaptchaLa reports an error as an object with `code`, or as a message ending in `(code)`;
 * a bare code string is taken as it is.
 */
export function captchalaErrorCode(error: unknown): string | undefined {
  // A string or a number has no such fields; only nothing needs the `{}`.
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  return /(?:^|\()([\w.-]+)\)?\s*$/.exec(String(code ?? message ?? error ?? ''))?.[1]
}
