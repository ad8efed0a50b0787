// A Passline page as the core's README teaches it, with no `scriptUrl`: CaptchaLa's loader from
// its real CDN (`?provider=` for the others, each from its real host).
import { createCaptcha } from '@passline/core'
import { onError, onToken, siteKey } from './record.js'

const provider = new URLSearchParams(location.search).get('provider') ?? 'captchala'
const captcha = createCaptcha({ provider, siteKey, action: 'signup' })
captcha.mount(document.getElementById('app'))
captcha.getToken().then(onToken, onError)
