import { inject, type InjectionKey } from 'vue'
import type { CaptchaDefaults } from '@passline/core'

/** Where `createPasslinePlugin(defaults)` puts app-wide defaults. */
export const PASSLINE_DEFAULTS: InjectionKey<CaptchaDefaults> = Symbol('passline-defaults')

export function injectDefaults(): CaptchaDefaults {
  return inject(PASSLINE_DEFAULTS, {})
}
