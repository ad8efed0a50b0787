import type { Loaders, ProviderFactory } from '../provider'
import type { RecaptchaOptions } from '../types'
import { createExplicitRenderDriver, type ExplicitRenderApi } from './explicit-render'
import { explicitTheme } from './explicit-theme'
import { explicitLanguage } from './explicit-language'
import { loadGlobalApi } from './load-global-api'

const RECAPTCHA_SCRIPT_URL = 'https://www.google.com/recaptcha/api.js'
// Google: a reCAPTCHA token is valid for two minutes and verifies once.
const RECAPTCHA_TOKEN_TTL_MS = 120_000

export interface RecaptchaApi extends ExplicitRenderApi {
  render(container: HTMLElement, params: Record<string, unknown>): number
  ready(callback: () => void): void
  /** v3: a score token for `action`. */
  execute(siteKeyOrId?: string | number, options?: { action?: string }): Promise<string> | void
}

type RecaptchaWindow = { grecaptcha?: RecaptchaApi; ___grecaptcha_cfg?: unknown }

// The APIs this adapter loaded itself, each for its own `hl`.
const ownApis = new WeakSet<object>()

/**
 * reCAPTCHA reads the language (`hl`) from its script URL only, so another language means
 * loading the script again: the API this adapter loaded for the old language is set aside
 * (its widgets keep working with it) and the new one takes `window.grecaptcha`. An API the
 * page loaded by itself is adopted as it is.
 */
function loadRecaptcha(options: RecaptchaOptions, loaders: Loaders): Promise<RecaptchaApi> {
  const win = window as RecaptchaWindow
  const v3 = options.version === 'v3'
  return loadGlobalApi(
    options,
    loaders,
    RECAPTCHA_SCRIPT_URL,
    { render: v3 ? options.siteKey : 'explicit', hl: explicitLanguage(options.language) },
    () => {
      const api = win.grecaptcha
      if (api && ownApis.has(api)) {
        delete win.grecaptcha
        delete win.___grecaptcha_cfg
        return undefined
      }
      return api?.render ? api : undefined
    },
  ).then((api) => {
    ownApis.add(api)
    return api
  })
}

/**
 * reCAPTCHA v2 (checkbox or invisible) through `grecaptcha.render`, v3 through
 * `execute(siteKey)`; each render follows the current `version`.
 */
export const createDriver: ProviderFactory = (getOptions, loaders) => {
  const v2 = createExplicitRenderDriver<RecaptchaOptions, RecaptchaApi>(getOptions, loaders, {
    tokenTtlMs_: RECAPTCHA_TOKEN_TTL_MS,
    load_: loadRecaptcha,
    params_: (options) => ({
      sitekey: options.siteKey,
      theme: explicitTheme(options.theme),
      size: invisible(options) ? 'invisible' : (options.size ?? 'normal'),
      badge: options.badge,
    }),
    scriptKey_: (options) => `${options.version}|${explicitLanguage(options.language)}`,
    // A checkbox is ticked by the user; only an invisible widget can be started from code.
    execute_(grecaptcha, id, options) {
      if (invisible(options)) grecaptcha.execute(id)
    },
    callbacks_: (events) => ({
      // reCAPTCHA gives no code; it is almost always the network.
      'error-callback': () => events.error_('provider-error'),
    }),
  })
  const v3 = createV3Driver(getOptions, loaders)
  const pick = () => ((getOptions() as RecaptchaOptions).version === 'v3' ? v3 : v2)
  return {
    tokenTtlMs_: RECAPTCHA_TOKEN_TTL_MS,
    load_: () => pick().load_(),
    render_: (container, events) => pick().render_(container, events),
  }
}

const invisible = (options: RecaptchaOptions) =>
  options.size === 'invisible' || (!options.size && options.execution === 'execute')

/**
 * v3 has no widget: each `execute()` asks for a score token for the action, and Google shows
 * its badge itself. Mounting only makes the controller ready.
 */
const createV3Driver: ProviderFactory = (getOptions, loaders) => {
  const current = () => getOptions() as RecaptchaOptions
  let api: RecaptchaApi
  return {
    tokenTtlMs_: RECAPTCHA_TOKEN_TTL_MS,
    async load_() {
      api = await loadRecaptcha(current(), loaders)
    },
    render_(_container, events) {
      const { siteKey, action, language } = current()
      const grecaptcha = api
      let destroyed = false
      queueMicrotask(() => !destroyed && events.ready_())
      return {
        execute_() {
          grecaptcha.ready(() => {
            Promise.resolve(grecaptcha.execute(siteKey, action ? { action } : {})).then(
              (token) => !destroyed && token && events.token_(token),
              (cause: unknown) => !destroyed && events.error_('provider-error', { cause }),
            )
          })
        },
        reset_() {},
        update_: (next) =>
          (next as RecaptchaOptions).version === 'v3' &&
          next.action === action &&
          next.language === language,
        destroy_() {
          destroyed = true
        },
      }
    },
  }
}
