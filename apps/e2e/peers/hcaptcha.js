// @hcaptcha/react-hcaptcha, used as its README shows.
import HCaptcha from '@hcaptcha/react-hcaptcha'
import { createElement as h } from 'react'
import { onError, onToken, show, siteKey } from './page.js'

show(h(HCaptcha, { sitekey: siteKey, onVerify: onToken, onError }))
