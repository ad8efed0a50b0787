import type { ProviderName } from '@passline/vue'

/** `passline` in `nuxt.config`: what the browser may know. Secrets go in `runtimeConfig`. */
export interface ModuleOptions {
  /** Default `'captchala'`. */
  provider?: ProviderName
  /** CaptchaLa's app key, or the provider's site key. Public. */
  siteKey?: string
  /** The provider's script: the mock server in development and CI, a proxy, self-hosting. */
  scriptUrl?: string
  /** `'auto'` (default) or a BCP 47 tag. */
  language?: string
  theme?: 'auto' | 'light' | 'dark'
  /** Server side: where tokens are checked and how the client's IP is read. Never sent to the browser. */
  server?: ServerOptions
}

export interface ServerOptions {
  /** CaptchaLa's API (default its own); the mock server in CI. */
  baseUrl?: string
  /** CaptchaLa's backup host for `offline_` tokens. */
  backupUrl?: string
  /** Turnstile, hCaptcha or reCAPTCHA: their siteverify URL (default the provider's). */
  siteverifyUrl?: string
  /** Which proxies to believe for the client's IP: `false` (default), `true`, hops, or addresses. */
  trustProxy?: boolean | number | string[]
  /** The one header your proxy writes (default `x-forwarded-for` when a proxy is trusted). */
  ipHeader?: string
}

/** `runtimeConfig.public.passline`: overridable by `NUXT_PUBLIC_PASSLINE_SITE_KEY` and the like. */
export interface PasslinePublicConfig {
  provider: ProviderName
  siteKey: string
  scriptUrl: string
  language: string
  theme: 'auto' | 'light' | 'dark'
}

/**
 * `runtimeConfig.passline`, server only: `secret` (CaptchaLa's app secret or the provider's
 * secret key) from `NUXT_PASSLINE_SECRET`, and the server options, each overridable the same way.
 */
export interface PasslinePrivateConfig {
  secret: string
  baseUrl: string
  backupUrl: string
  siteverifyUrl: string
  trustProxy: boolean | number | string[]
  ipHeader: string
}
