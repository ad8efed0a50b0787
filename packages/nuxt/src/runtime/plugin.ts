import { defineNuxtPlugin, useRuntimeConfig, type Plugin } from '#app'
import { PASSLINE_DEFAULTS } from '@passline/vue'
import type { PasslinePublicConfig } from '../options'

// The module's public options become every useCaptcha's and <PasslineCaptcha>'s defaults.
const plugin: Plugin = defineNuxtPlugin({
  name: 'passline',
  setup(nuxtApp) {
    const { provider, siteKey, scriptUrl, language, theme } = useRuntimeConfig().public
      .passline as PasslinePublicConfig
    nuxtApp.vueApp.provide(PASSLINE_DEFAULTS, {
      provider,
      ...(siteKey && { siteKey }),
      ...(scriptUrl && { scriptUrl }),
      language,
      theme,
    })
  },
})

export default plugin
