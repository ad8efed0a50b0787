/**
 * `@passline/core/friendlycaptcha`: everything `@passline/core` exports, with a `createCaptcha` for
 * Friendly Captcha alone, adapter included: a page (or, through a bundler alias, an app and its
 * binding) that uses Friendly Captcha only carries no other adapter and fetches no chunk.
 */
import { createDriver } from './providers/friendlycaptcha'
import { singleProvider } from './single-provider'
import type { FriendlyCaptchaOptions } from './types'

export * from './api'

/** As `@passline/core`'s, for Friendly Captcha alone; another `provider` is an `invalid-options` error. */
export const createCaptcha = /* @__PURE__ */ singleProvider<FriendlyCaptchaOptions>(
  'friendlycaptcha',
  {
    createDriver,
  },
)
