import { createController } from './controller'
import { allProviders } from './providers/registry'
import type { Captcha, CaptchaOptions } from './types'

/**
 * Creates a headless CAPTCHA controller. Nothing touches the page until `mount()`; the
 * provider's adapter is a chunk of its own, fetched on the first mount.
 * @throws CaptchaError `invalid-options` without a `siteKey` or with an unknown provider.
 * @see https://github.com/passline/passline/tree/main/packages/core#readme
 */
export function createCaptcha(options: CaptchaOptions): Captcha {
  return createController(options, allProviders)
}
