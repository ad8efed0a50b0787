import type { ProviderFactory } from '../provider'
import type { HcaptchaOptions } from '../types'
import { createExplicitRenderDriver, type ExplicitRenderApi } from './explicit-render'
import { explicitTheme } from './explicit-theme'
import { explicitLanguage } from './explicit-language'
import { loadGlobalApi } from './load-global-api'

const HCAPTCHA_SCRIPT_URL = 'https://js.hcaptcha.com/1/api.js'
// hCaptcha's tokens verify for 120 s (its SDKs' `tokenExpiration`).
const HCAPTCHA_TOKEN_TTL_MS = 120_000

export interface HcaptchaApi extends ExplicitRenderApi {
  render(container: HTMLElement, params: Record<string, unknown>): string
  setData?(id: string, data: { rqdata?: string }): void
}

/** hCaptcha: `hcaptcha.render` with `render=explicit`; the language is a render parameter. */
export const createDriver: ProviderFactory = (getOptions, loaders) =>
  createExplicitRenderDriver<HcaptchaOptions, HcaptchaApi>(getOptions, loaders, {
    tokenTtlMs_: HCAPTCHA_TOKEN_TTL_MS,

    load_: (options, loaders) =>
      loadGlobalApi(
        options,
        loaders,
        HCAPTCHA_SCRIPT_URL,
        // Without `recaptchacompat=off` hCaptcha also claims `window.grecaptcha`.
        { render: 'explicit', recaptchacompat: 'off' },
        () => (window as { hcaptcha?: HcaptchaApi }).hcaptcha,
      ),

    params_: (options) => ({
      sitekey: options.siteKey,
      theme: explicitTheme(options.theme),
      size: options.size ?? (options.execution === 'execute' ? 'invisible' : 'normal'),
      hl: explicitLanguage(options.language),
    }),

    // Opens the challenge; a visible widget's user can also start it with a click.
    execute_(hcaptcha, id, { rqdata }) {
      if (rqdata) hcaptcha.setData?.(String(id), { rqdata })
      hcaptcha.execute?.(id)
    },

    callbacks_: (events) => ({
      'close-callback': () => events.close_(),
      'chalexpired-callback': () => events.error_('expired', { providerCode: 'challenge-expired' }),
      'error-callback': (code: unknown) => {
        const providerCode = String(code)
        // Reported through close-callback and chalexpired-callback as well.
        if (providerCode === 'challenge-closed' || providerCode === 'challenge-expired') return
        events.error_(providerCode === 'challenge-error' ? 'challenge-failed' : 'provider-error', {
          providerCode,
        })
      },
    }),
  })
