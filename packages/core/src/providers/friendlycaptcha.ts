import type { Loaders, ProviderFactory } from '../provider'
import type { CaptchaOptions, FriendlyCaptchaOptions } from '../types'
import { explicitLanguage } from './explicit-language'

// Friendly Captcha v2's site script, pinned as its docs pin it. It defines `window.frcaptcha`
// as it runs (an IIFE: a classic script is enough).
const FRIENDLY_SCRIPT_URL = 'https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk@1.0.2/site.min.js'
// Friendly Captcha does not document how long a v2 response verifies; its widget says when it
// expires (`frc:widget.expire`), and 10 minutes keeps a refresh well ahead of that.
const FRIENDLY_TOKEN_TTL_MS = 600_000

/** The part of Friendly Captcha's v2 SDK that Passline uses. */
export interface FriendlyWidgetHandle {
  start(): void
  reset(): void
  destroy(): void
}

export interface FriendlyCaptchaSdk {
  createWidget(options: {
    element: HTMLElement
    sitekey: string
    startMode?: string | undefined
    apiEndpoint?: string | undefined
    language?: string | undefined
    theme?: string | undefined
  }): FriendlyWidgetHandle
}

const loadFriendlySdk = (
  options: CaptchaOptions,
  [loadSdk, loadTries]: Loaders,
): Promise<FriendlyCaptchaSdk> => {
  const win = window as { frcaptcha?: FriendlyCaptchaSdk }
  const url = new URL(options.scriptUrl ?? FRIENDLY_SCRIPT_URL, document.baseURI).href
  return loadSdk(
    url,
    () => win.frcaptcha,
    () => loadTries(url, options),
  )
}

/** Friendly Captcha v2: `frcaptcha.createWidget` into an element of its own per render. */
export const createDriver: ProviderFactory = (getOptions, loaders) => {
  let sdk: FriendlyCaptchaSdk
  const params = (options: FriendlyCaptchaOptions) => ({
    sitekey: options.siteKey,
    startMode: options.startMode ?? (options.execution === 'execute' ? 'none' : 'focus'),
    apiEndpoint: options.apiEndpoint,
    language: explicitLanguage(options.language),
    theme: options.theme ?? 'auto',
  })

  return {
    tokenTtlMs_: FRIENDLY_TOKEN_TTL_MS,

    async load_() {
      sdk = await loadFriendlySdk(getOptions(), loaders)
    },

    render_(container, events) {
      const options = getOptions() as FriendlyCaptchaOptions
      const host = container.appendChild(document.createElement('div'))
      let destroyed = false
      const on = (type: string, listener: (detail: Record<string, unknown>) => void) =>
        host.addEventListener(type, (event) => {
          if (!destroyed) listener(((event as CustomEvent).detail ?? {}) as Record<string, unknown>)
        })
      on('frc:widget.complete', ({ response }) => events.token_(String(response)))
      on('frc:widget.expire', () => events.expire_())
      on('frc:widget.error', ({ error }) => {
        // `network_error`, `sitekey_invalid`, `sitekey_missing` or `other`: none is a solve
        // that was refused, and the widget is done until it is rendered anew.
        const providerCode = String((error as { code?: unknown } | undefined)?.code ?? 'other')
        events.error_('provider-error', { providerCode })
      })
      const widget = sdk.createWidget({ element: host, ...params(options) })
      // After render() returns, so the controller holds this widget when it hears `ready`.
      queueMicrotask(() => destroyed || events.ready_())

      return {
        execute_() {
          widget.start()
        },
        reset_() {
          widget.reset()
        },
        update_: (next, previous) =>
          JSON.stringify(params(next as FriendlyCaptchaOptions)) ===
          JSON.stringify(params(previous as FriendlyCaptchaOptions)),
        destroy_() {
          destroyed = true
          widget.destroy()
          host.remove()
        },
      }
    },
  }
}
