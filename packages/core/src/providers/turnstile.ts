import type { ProviderFactory } from '../provider'
import type { TurnstileOptions } from '../types'
import { createExplicitRenderDriver, type ExplicitRenderApi } from './explicit-render'
import { loadGlobalApi } from './load-global-api'

const TURNSTILE_SCRIPT_URL = 'https://challenges.cloudflare.com/turnstile/v0/api.js'
// Cloudflare: a Turnstile token is valid for 300 s and can be redeemed once.
const TURNSTILE_TOKEN_TTL_MS = 300_000
// `600***`: the challenge was run and failed (also what the always-fail test keys answer).
const CHALLENGE_FAILED_CODES = /^600/

export interface TurnstileApi extends ExplicitRenderApi {
  render(container: HTMLElement, params: Record<string, unknown>): string
}

/** Cloudflare Turnstile: `turnstile.render` with `render=explicit`. */
export const createDriver: ProviderFactory = (getOptions, loaders) =>
  createExplicitRenderDriver<TurnstileOptions, TurnstileApi>(getOptions, loaders, {
    tokenTtlMs_: TURNSTILE_TOKEN_TTL_MS,

    load_: (options, loaders) =>
      loadGlobalApi(
        options,
        loaders,
        TURNSTILE_SCRIPT_URL,
        { render: 'explicit' },
        () => (window as { turnstile?: TurnstileApi }).turnstile,
      ),

    params_: (options) => ({
      sitekey: options.siteKey,
      action: options.action,
      cData: options.cData,
      theme: options.theme ?? 'auto',
      // Turnstile has an `auto` of its own, for any language not set.
      language: options.language || 'auto',
      size: options.size,
      execution: options.execution ?? 'render',
      appearance: options.appearance ?? (options.execution === 'execute' ? 'execute' : 'always'),
      // Passline refreshes ahead of expiry itself; two refreshers would spend two challenges.
      'refresh-expired': 'never',
    }),

    // A render-mode widget starts its challenge on render and again on reset.
    execute_(turnstile, id, options) {
      if (options.execution === 'execute') turnstile.execute?.(id)
    },

    callbacks_: (events) => ({
      'error-callback': (code: unknown) => {
        const providerCode = String(code)
        events.error_(
          CHALLENGE_FAILED_CODES.test(providerCode) ? 'challenge-failed' : 'provider-error',
          { providerCode },
        )
        // Handled: without a true, Turnstile throws the error on the page as well.
        return true
      },
      // An interactive challenge was left unsolved too long; the widget resets itself.
      'timeout-callback': () => events.error_('expired', { providerCode: 'timeout' }),
    }),
  })
