// The browser assets, inlined at build time (`?raw`: Vite in the tests, an esbuild plugin in
// tsup.config.ts), so the emulator needs no file system and also runs in a browser.
import captchalaCss from '../assets/captchala.css?raw'
import captchalaLoader from '../assets/captchala-loader.js?raw'
import captchalaSdk from '../assets/captchala.js?raw'
import friendlyFrames from '../assets/emulated/friendlycaptcha-frames.js?raw'
import friendlyWidget from '../assets/emulated/friendlycaptcha-widget.js?raw'
import friendlySite from '../assets/emulated/friendlycaptcha.js?raw'
import hcaptcha from '../assets/emulated/hcaptcha.js?raw'
import recaptcha from '../assets/emulated/recaptcha.js?raw'
import turnstile from '../assets/emulated/turnstile.js?raw'
import widget from '../assets/emulated/widget.js?raw'
import indexPage from '../assets/index.html?raw'

export const CAPTCHALA_ASSETS = { captchalaCss, captchalaLoader, captchalaSdk, indexPage }
export const EMULATED_SCRIPTS = {
  widget,
  turnstile,
  hcaptcha,
  recaptcha,
  // The site script's SDK over the widget it shares with the frames.
  friendlycaptcha: `${friendlyWidget}\n${friendlySite}`,
}
/** Friendly Captcha's widget and agent frames, which the real SDK loads from the API host. */
export const FRIENDLY_FRAME_SCRIPT = `${EMULATED_SCRIPTS.widget}\n${friendlyWidget}\n${friendlyFrames}`
