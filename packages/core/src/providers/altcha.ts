import type { ProviderFactory } from '../provider'
import type { AltchaOptions } from '../types'
import { explicitLanguage } from './explicit-language'
import { loadCustomElement } from './load-custom-element'

// ALTCHA's widget 3, whose challenges are the v2 format `@passline/server` issues. Its build
// declares its helpers at the top level, so it is loaded as a module, as ALTCHA's docs show.
const ALTCHA_SCRIPT_URL = 'https://cdn.jsdelivr.net/npm/altcha@3/dist/main/altcha.min.js'
// When a payload carries no expiry: the 10 minutes ALTCHA's own server plugins give a challenge.
const ALTCHA_TOKEN_TTL_MS = 600_000

/** The part of `<altcha-widget>` Passline uses (ALTCHA widget 3). */
export interface AltchaElement extends HTMLElement {
  verify(): Promise<unknown>
  reset(): void
}

/**
 * ALTCHA: an `<altcha-widget>` of its own per render, fetching its challenge from `siteKey`.
 * Its payload is the token; it lives until the challenge's signed `expiresAt`.
 */
export const createDriver: ProviderFactory = (getOptions, loaders) => ({
  tokenTtlMs_: ALTCHA_TOKEN_TTL_MS,

  async load_() {
    await loadCustomElement(getOptions(), loaders, ALTCHA_SCRIPT_URL, 'altcha-widget', true)
  },

  render_(container, events) {
    const options = getOptions() as AltchaOptions
    const widget = document.createElement('altcha-widget') as AltchaElement
    let destroyed = false
    // A payload handed out and not reset since: ALTCHA's `expired` then means the token's end.
    let solved = false
    const attributes: Record<string, string | undefined> = {
      challenge: options.siteKey,
      language: explicitLanguage(options.language),
      // Passline starts every challenge itself (`verify()`); an invisible widget shows nothing.
      auto: 'off',
      display: options.execution === 'execute' ? 'invisible' : undefined,
    }
    for (const [name, value] of Object.entries(attributes))
      if (value) widget.setAttribute(name, value)

    const on = (type: string, listener: (detail: Record<string, unknown>) => void) =>
      widget.addEventListener(type, (event) => {
        if (!destroyed) listener(((event as CustomEvent).detail ?? {}) as Record<string, unknown>)
      })
    // Its methods work from `load` on (ALTCHA's docs).
    on('load', () => events.ready_())
    on('verified', ({ payload }) => {
      solved = true
      events.token_(String(payload), payloadTtlMs(String(payload)))
    })
    on('expired', () => {
      if (solved) {
        solved = false
        return events.expire_()
      }
      // The challenge ran out while it was being solved.
      events.error_('expired', { providerCode: 'challenge-expired' })
    })
    // ALTCHA names no cause (a challenge URL that failed, a solve that timed out); its widget
    // stays usable and fetches a new challenge on the next `verify()`.
    on('statechange', ({ state }) => {
      if (state === 'error') events.error_('challenge-failed', { providerCode: 'error' })
    })
    container.appendChild(widget)

    return {
      execute_() {
        // Its failures arrive as a `statechange` to `error`; the promise itself says nothing more.
        widget.verify().catch(() => {})
      },
      reset_() {
        solved = false
        widget.reset()
      },
      update_: (next, previous) =>
        next.language === previous.language && next.execution === previous.execution,
      destroy_() {
        destroyed = true
        widget.remove()
      },
    }
  },
})

/** The time left on a payload's signed `expiresAt` (unix seconds), if it has one. */
function payloadTtlMs(payload: string): number | undefined {
  try {
    const expiresAt = (
      JSON.parse(atob(payload)) as { challenge?: { parameters?: { expiresAt?: unknown } } }
    ).challenge?.parameters?.expiresAt
    const left = Number(expiresAt) * 1000 - Date.now()
    return left > 0 ? left : undefined
  } catch {
    return undefined
  }
}
