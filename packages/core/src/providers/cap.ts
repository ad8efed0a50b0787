import type { ProviderFactory } from '../provider'
import type { CapOptions } from '../types'
import { explicitLanguage } from './explicit-language'
import { loadCustomElement } from './load-custom-element'

// Cap's widget, pinned to the minor version whose protocol `@passline/server` speaks (Cap's docs
// ask for a pinned version). An IIFE: it loads as a classic script.
const CAP_SCRIPT_URL = 'https://cdn.jsdelivr.net/npm/@cap.js/widget@0.1/cap.min.js'
// Cap: a redeemed token is valid for 20 minutes (its server's default, and Passline's).
const CAP_TOKEN_TTL_MS = 1_200_000
// The widget's codes for a solve that was attempted and refused; the rest are its set-up's.
const CHALLENGE_FAILED_CODES = /^(invalid_solution|solve_failed|instr_)/

/** The part of `<cap-widget>` Passline uses. */
export interface CapElement extends HTMLElement {
  solve(): Promise<unknown>
  reset(): void
}

/**
 * Cap: a `<cap-widget>` of its own per render, asking `siteKey` (its API endpoint) for
 * `challenge` and `redeem`. Hidden with `execution: 'execute'`, as Cap's own invisible mode is.
 */
export const createDriver: ProviderFactory = (getOptions, loaders) => ({
  tokenTtlMs_: CAP_TOKEN_TTL_MS,

  async load_() {
    await loadCustomElement(getOptions(), loaders, CAP_SCRIPT_URL, 'cap-widget')
  },

  render_(container, events) {
    const options = getOptions() as CapOptions
    const widget = document.createElement('cap-widget') as CapElement
    let destroyed = false
    let solved = false
    // Set around our own reset(): the widget's `reset` event then is not its token expiring.
    let resetting = false
    widget.setAttribute('data-cap-api-endpoint', options.siteKey)
    const language = explicitLanguage(options.language)
    if (language) widget.setAttribute('data-cap-lang', language)
    if (options.execution === 'execute') widget.style.display = 'none'

    const on = (type: string, listener: (detail: Record<string, unknown>) => void) =>
      widget.addEventListener(type, (event) => {
        if (!destroyed) listener(((event as CustomEvent).detail ?? {}) as Record<string, unknown>)
      })
    on('solve', ({ token }) => {
      solved = true
      events.token_(String(token))
    })
    on('error', ({ code }) => {
      const providerCode = String(code ?? 'unknown')
      events.error_(
        CHALLENGE_FAILED_CODES.test(providerCode) ? 'challenge-failed' : 'provider-error',
        { providerCode },
      )
    })
    // The widget resets itself when its token expires (its `expires`).
    on('reset', () => {
      if (solved && !resetting) events.expire_()
      solved = false
    })
    container.appendChild(widget)
    // After render() returns, so the controller holds this widget when it hears `ready`.
    queueMicrotask(() => destroyed || events.ready_())

    return {
      execute_() {
        // A failed solve is reported by the `error` event as well; the rejection adds nothing.
        widget.solve().catch(() => {})
      },
      reset_() {
        resetting = true
        try {
          widget.reset()
        } finally {
          resetting = false
        }
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
