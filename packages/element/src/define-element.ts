import { PasslineCaptchaElement } from './element'

/** The tag `@passline/element/define` registers. */
export const CAPTCHA_TAG_NAME = 'passline-captcha'

/**
 * Registers `<passline-captcha>` once: calling it again, or where the tag is already defined,
 * does nothing; on a server (no `customElements`) it does nothing either. For another tag
 * name, define a subclass yourself: `customElements.define('x-captcha', class extends
 * PasslineCaptchaElement {})`.
 */
export function defineCaptchaElement(): void {
  if (typeof customElements !== 'undefined' && !customElements.get(CAPTCHA_TAG_NAME))
    customElements.define(CAPTCHA_TAG_NAME, PasslineCaptchaElement)
}
