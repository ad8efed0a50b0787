import { createController } from './controller'
import { providersOf, type AdapterModule } from './providers/providers-of'
import type { Captcha, CaptchaOptions, ProviderName } from './types'

/**
 * A `createCaptcha` that knows one provider and carries its adapter: no registry and no chunk
 * to fetch, so a bundler leaves every other adapter out. Any other `provider` is an
 * `invalid-options` error, as an unknown one is.
 */
export const singleProvider = <O extends CaptchaOptions>(
  name: ProviderName,
  adapter: AdapterModule,
): ((options: O) => Captcha) => {
  const providers = providersOf({ [name]: async () => adapter })
  return (options) => createController(options, providers)
}
