/**
 * `@passline/core/cap`: everything `@passline/core` exports, with a `createCaptcha` for
 * Cap alone, adapter included: a page (or, through a bundler alias, an app and its
 * binding) that uses Cap only carries no other adapter and fetches no chunk.
 */
import { createDriver } from './providers/cap'
import { singleProvider } from './single-provider'
import type { CapOptions } from './types'

export * from './api'

/** As `@passline/core`'s, for Cap alone; another `provider` is an `invalid-options` error. */
export const createCaptcha = /* @__PURE__ */ singleProvider<CapOptions>('cap', {
  createDriver,
})
