import { CaptchaError } from '../errors'
import { loadScript, type LoadScriptOptions } from '../load-script'

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

const sdkByDocument = new WeakMap<Document, Promise<CaptchalaGlobal>>()

/**
 * The loader script defines `loadCaptchala`, which in turn fetches the SDK and its styles.
 * Both steps are shared by every widget on the page; each has its own timeout; a failure is
 * forgotten so the next mount or reset tries again. An SDK already on the page is adopted.
 */
export function loadCaptchalaSdk(loaderUrl: string, options: LoadScriptOptions): Promise<CaptchalaGlobal> {
  const win = window as CaptchalaWindow
  if (win.Captchala) return Promise.resolve(win.Captchala)
  let sdk = sdkByDocument.get(document)
  if (!sdk) {
    sdk = (win.loadCaptchala ? Promise.resolve() : loadScript(loaderUrl, options))
      .then(() => callLoader(win, options.timeoutMs ?? 10_000))
      .catch((error: unknown) => {
        sdkByDocument.delete(document)
        throw error
      })
    sdkByDocument.set(document, sdk)
  }
  return sdk
}

function callLoader(win: CaptchalaWindow, timeoutMs: number): Promise<CaptchalaGlobal> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CaptchaError('script-timeout')), timeoutMs)
    const fail = (cause?: unknown) => {
      clearTimeout(timer)
      reject(new CaptchaError('script-load-failed', { cause }))
    }
    if (!win.loadCaptchala) return fail()
    win.loadCaptchala(() => {
      clearTimeout(timer)
      if (win.Captchala) resolve(win.Captchala)
      else fail()
    }, fail)
  })
}

/** CaptchaLa reports errors as an object with `code`, or a message ending in `(code)`. */
export function captchalaErrorCode(error: unknown): string | undefined {
  if (typeof error === 'string') return error.match(/\(([\w.-]+)\)\s*$/)?.[1] ?? error
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && code) return code
    if (typeof message === 'string') return message.match(/\(([\w.-]+)\)\s*$/)?.[1]
  }
  return undefined
}
