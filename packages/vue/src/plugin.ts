import type { App, Plugin } from 'vue'
import type { CaptchaDefaults } from '@passline/core'
import { Captcha } from './captcha'
import { PASSLINE_DEFAULTS } from './defaults'

declare module 'vue' {
  /** `<PasslineCaptcha>`, registered by the plugin, is typed in every template. */
  export interface GlobalComponents {
    PasslineCaptcha: typeof Captcha
  }
}

/**
 * App-wide defaults for every `useCaptcha` and `<Captcha>`, whose own options win; also
 * registers `<PasslineCaptcha>` globally.
 * @example app.use(createPasslinePlugin({ siteKey: 'app-key', scriptUrl }))
 */
export function createPasslinePlugin(defaults: CaptchaDefaults = {}): Plugin {
  return {
    install(app: App) {
      app.provide(PASSLINE_DEFAULTS, defaults)
      app.component('PasslineCaptcha', Captcha)
    },
  }
}
