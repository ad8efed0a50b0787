// The browser assets, inlined at build time (`?raw`: Vite in the tests, an esbuild plugin in
// tsup.config.ts), so the emulator needs no file system and also runs in a browser.
import captchalaCss from '../assets/captchala.css?raw'
import captchalaLoader from '../assets/captchala-loader.js?raw'
import captchalaSdk from '../assets/captchala.js?raw'
import hcaptcha from '../assets/emulated/hcaptcha.js?raw'
import recaptcha from '../assets/emulated/recaptcha.js?raw'
import turnstile from '../assets/emulated/turnstile.js?raw'
import widget from '../assets/emulated/widget.js?raw'
import indexPage from '../assets/index.html?raw'

export const CAPTCHALA_ASSETS = { captchalaCss, captchalaLoader, captchalaSdk, indexPage }
export const EMULATED_SCRIPTS = { widget, turnstile, hcaptcha, recaptcha }
