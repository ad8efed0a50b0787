import { InjectionToken, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core'
import type { CaptchaDefaults } from '@passline/core'

/** Where `provideCaptchaDefaults()` puts app-wide defaults. */
export const CAPTCHA_DEFAULTS = new InjectionToken<CaptchaDefaults>('passline captcha defaults')

/**
 * App-wide defaults for every `injectCaptcha` and `<ngx-passline-captcha>`: typically
 * `provider`, `siteKey`, `scriptUrl`, `nonce`, `language`. Their own options win.
 * @example bootstrapApplication(App, { providers: [provideCaptchaDefaults({ siteKey: 'app-key' })] })
 */
export function provideCaptchaDefaults(defaults: CaptchaDefaults): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: CAPTCHA_DEFAULTS, useValue: defaults }])
}
