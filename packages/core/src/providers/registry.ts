import { createCaptchalaDriver } from './captchala'
import { providersOf } from './providers-of'

/**
 * Every provider. CaptchaLa ships with the engine; every other adapter is a chunk of its own,
 * fetched on first use, so a page pays only for the provider it renders.
 */
export const allProviders = /* @__PURE__ */ providersOf({
  captchala: async () => ({ createDriver: createCaptchalaDriver }),
  turnstile: () => import('./turnstile'),
  hcaptcha: () => import('./hcaptcha'),
  recaptcha: () => import('./recaptcha'),
})
