import type { App, Plugin } from 'vue'
import type { CaptchaDefaults } from '@passline/core'
import { Captcha } from './captcha'
import { PASSLINE_DEFAULTS } from './defaults'

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
