/**
 * `@passline/core/altcha`: everything `@passline/core` exports, with a `createCaptcha` for
 * ALTCHA alone, adapter included: a page (or, through a bundler alias, an app and its
 * binding) that uses ALTCHA only carries no other adapter and fetches no chunk.
 */
import { createDriver } from './providers/altcha'
import { singleProvider } from './single-provider'
import type { AltchaOptions } from './types'

export * from './api'

/** As `@passline/core`'s, for ALTCHA alone; another `provider` is an `invalid-options` error. */
export const createCaptcha = /* @__PURE__ */ singleProvider<AltchaOptions>('altcha', {
  createDriver,
})
