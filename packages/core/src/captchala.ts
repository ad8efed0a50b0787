/**
 * `@passline/core/captchala`: everything `@passline/core` exports, with a `createCaptcha` for
 * CaptchaLa (the default provider) alone, adapter included: a page (or, through a bundler alias, an app and its
 * binding) that uses CaptchaLa only carries no other adapter and fetches no chunk.
 */
import { createDriver } from './providers/captchala'
import { singleProvider } from './single-provider'
import type { CaptchalaOptions } from './types'

export * from './api'

/** As `@passline/core`'s, for CaptchaLa alone; another `provider` is an `invalid-options` error. */
export const createCaptcha = /* @__PURE__ */ singleProvider<CaptchalaOptions>('captchala', {
  createDriver,
})
