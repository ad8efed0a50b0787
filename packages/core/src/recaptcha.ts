/**
 * `@passline/core/recaptcha`: everything `@passline/core` exports, with a `createCaptcha` for
 * Google reCAPTCHA (v2 and v3) alone, adapter included: a page (or, through a bundler alias, an app and its
 * binding) that uses reCAPTCHA only carries no other adapter and fetches no chunk.
 */
import { createDriver } from './providers/recaptcha'
import { singleProvider } from './single-provider'
import type { RecaptchaOptions } from './types'

export * from './api'

/** As `@passline/core`'s, for reCAPTCHA alone; another `provider` is an `invalid-options` error. */
export const createCaptcha = /* @__PURE__ */ singleProvider<RecaptchaOptions>('recaptcha', {
  createDriver,
})
