import {
  addComponent,
  addImports,
  addPlugin,
  addServerImports,
  createResolver,
  defineNuxtModule,
} from '@nuxt/kit'
import { defu } from 'defu'
import type { ModuleOptions, PasslinePrivateConfig, PasslinePublicConfig } from './options'

export type {
  ModuleOptions,
  PasslinePrivateConfig,
  PasslinePublicConfig,
  ServerOptions,
} from './options'
export type { CaptchaVerification, VerifyCaptchaOptions } from './runtime/server/verify-captcha'

/**
 * `modules: ['@passline/nuxt']` with `passline: { provider, siteKey, scriptUrl, … }`: the
 * public options reach every `useCaptcha` and `<PasslineCaptcha>` (both auto-imported), the
 * secret stays in private `runtimeConfig.passline.secret`, and server routes get
 * `verifyCaptcha(event, token)`.
 */
const passline = defineNuxtModule<ModuleOptions>({
  meta: {
    name: '@passline/nuxt',
    configKey: 'passline',
    compatibility: { nuxt: '>=3.13.0' },
  },
  defaults: { provider: 'captchala', language: 'auto', theme: 'auto' },
  setup(options, nuxt) {
    const resolver = createResolver(import.meta.url)
    const { server = {}, ...browser } = options

    // Values already in runtimeConfig (or set from the environment at run time) win.
    nuxt.options.runtimeConfig.public.passline = defu(
      nuxt.options.runtimeConfig.public.passline as Partial<PasslinePublicConfig> | undefined,
      {
        provider: browser.provider ?? 'captchala',
        siteKey: browser.siteKey ?? '',
        scriptUrl: browser.scriptUrl ?? '',
        language: browser.language ?? 'auto',
        theme: browser.theme ?? 'auto',
      } satisfies PasslinePublicConfig,
    )
    nuxt.options.runtimeConfig.passline = defu(
      nuxt.options.runtimeConfig.passline as Partial<PasslinePrivateConfig> | undefined,
      {
        // Empty here so that NUXT_PASSLINE_SECRET can fill it at run time; never in the bundle.
        secret: '',
        baseUrl: server.baseUrl ?? '',
        backupUrl: server.backupUrl ?? '',
        siteverifyUrl: server.siteverifyUrl ?? '',
        trustProxy: server.trustProxy ?? false,
        ipHeader: server.ipHeader ?? '',
      } satisfies PasslinePrivateConfig,
    )

    const runtime = resolver.resolve('./runtime')
    nuxt.options.build.transpile.push(runtime)
    addPlugin(resolver.resolve('./runtime/plugin'))
    addImports(['useCaptcha', 'isCaptchaError'].map((name) => ({ name, from: '@passline/vue' })))
    addComponent({ name: 'PasslineCaptcha', export: 'Captcha', filePath: '@passline/vue' })
    addServerImports([
      { name: 'verifyCaptcha', from: resolver.resolve('./runtime/server/verify-captcha') },
    ])
    // Bundled into the server build, where its `#imports` resolve.
    const { nitro } = nuxt.options as unknown as {
      nitro: { externals?: { inline?: (string | RegExp)[] } }
    }
    nitro.externals = defu(nitro.externals, { inline: [runtime] })
  },
})

// Named too, so a CommonJS `require` sees the same shape as the types say.
export { passline }
export default passline

// `nuxt.config`'s `passline` key and the app's `useRuntimeConfig()` know the module's shapes.
declare module '@nuxt/schema' {
  interface NuxtConfig {
    passline?: ModuleOptions
  }
  interface NuxtOptions {
    passline?: ModuleOptions
  }
  interface PublicRuntimeConfig {
    passline: PasslinePublicConfig
  }
  interface RuntimeConfig {
    passline: PasslinePrivateConfig
  }
}
