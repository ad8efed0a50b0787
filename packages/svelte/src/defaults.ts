import { getContext, setContext } from 'svelte'
import type { CaptchaDefaults } from '@passline/core'

const DEFAULTS_KEY = Symbol('passline-defaults')

const NO_DEFAULTS: () => CaptchaDefaults = () => ({})

/**
 * Sets defaults for every `useCaptcha` and `<Captcha>` in this component and below; their own
 * options win. Pass a getter to make them reactive (`() => ({ language: lang })`). Call it
 * while a component initialises, like `setContext`.
 * @example setCaptchaDefaults({ siteKey: 'app-key', scriptUrl })
 */
export function setCaptchaDefaults(defaults: CaptchaDefaults | (() => CaptchaDefaults)): void {
  setContext(DEFAULTS_KEY, typeof defaults === 'function' ? defaults : () => defaults)
}

/** The defaults set above this component, read through a getter so they stay reactive. */
export function getCaptchaDefaults(): () => CaptchaDefaults {
  return getContext<(() => CaptchaDefaults) | undefined>(DEFAULTS_KEY) ?? NO_DEFAULTS
}
