/**
 * `@passline/core/turnstile`: everything `@passline/core` exports, with a `createCaptcha` for
 * Cloudflare Turnstile alone, adapter included: a page (or, through a bundler alias, an app and its
 * binding) that uses Turnstile only carries no other adapter and fetches no chunk.
 */
import { createDriver } from './providers/turnstile'
import { singleProvider } from './single-provider'
import type { TurnstileOptions } from './types'

export * from './api'

/** As `@passline/core`'s, for Turnstile alone; another `provider` is an `invalid-options` error. */
export const createCaptcha = /* @__PURE__ */ singleProvider<TurnstileOptions>('turnstile', {
  createDriver,
})
