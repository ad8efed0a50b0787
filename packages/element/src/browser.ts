// The entry of the self-contained browser build (dist/browser/define.js): registers
// <passline-captcha> with the core bundled in, for pages that load it without a bundler.
import { defineCaptchaElement } from './define-element'

defineCaptchaElement()
