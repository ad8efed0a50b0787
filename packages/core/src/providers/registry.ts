import { providersOf } from './providers-of'

/**
 * Every provider, each adapter a chunk of its own fetched on first use, so a page pays only for
 * the provider it renders.
 */
export const allProviders = /* @__PURE__ */ providersOf({
  captchala: () => import('./captchala'),
  turnstile: () => import('./turnstile'),
  hcaptcha: () => import('./hcaptcha'),
  recaptcha: () => import('./recaptcha'),
  altcha: () => import('./altcha'),
  cap: () => import('./cap'),
  friendlycaptcha: () => import('./friendlycaptcha'),
})
