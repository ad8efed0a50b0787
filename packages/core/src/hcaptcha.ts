/**
 * `@passline/core/hcaptcha`: everything `@passline/core` exports, with a `createCaptcha` for
 * hCaptcha alone, adapter included: a page (or, through a bundler alias, an app and its
 * binding) that uses hCaptcha only carries no other adapter and fetches no chunk.
 */
import { createDriver } from './providers/hcaptcha'
import { singleProvider } from './single-provider'
import type { HcaptchaOptions } from './types'

export * from './api'

/** As `@passline/core`'s, for hCaptcha alone; another `provider` is an `invalid-options` error. */
export const createCaptcha = /* @__PURE__ */ singleProvider<HcaptchaOptions>('hcaptcha', {
  createDriver,
})
