import { abortable } from '../abortable'
import { CaptchaError } from '../errors'
import { loadScript, type LoadScriptOptions } from '../load-script'
import { sharedLoad } from '../shared-load'

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
 * forgotten so the next mount or reset tries again. An SDK already on the page is adopted.
 */
export function loadCaptchalaSdk(
  loaderUrl: string,
  options: LoadScriptOptions,
): Promise<CaptchalaGlobal> {
  const win = window as CaptchalaWindow
  return sharedLoad(`captchala:${loaderUrl}`, async () => {
    if (win.Captchala) return win.Captchala
    if (!win.loadCaptchala) await loadScript(loaderUrl, options)
    return callLoader(win, options.timeoutMs ?? 10_000)
  })
}

function callLoader(win: CaptchalaWindow, timeoutMs: number): Promise<CaptchalaGlobal> {
  const loaded = new Promise<CaptchalaGlobal>((resolve, reject) => {
    const fail = (cause?: unknown) => reject(new CaptchaError('script-load-failed', { cause }))
    win.loadCaptchala!(() => (win.Captchala ? resolve(win.Captchala) : fail()), fail)
  })
  return abortable(() => loaded, { timeoutMs }, 'script-timeout')
}

/**
 * CaptchaLa reports an error as an object with `code`, or as a message ending in `(code)`;
 * a bare code string is taken as it is.
 */
export function captchalaErrorCode(error: unknown): string | undefined {
  const details = error as { code?: unknown; message?: unknown } | undefined
  const text = String(details?.code ?? details?.message ?? error ?? '')
  return /(?:^|\()([\w.-]+)\)?\s*$/.exec(text)?.[1]
}
