// react-google-recaptcha (v2 checkbox), used as its README shows.
import { createElement as h } from 'react'
import ReCAPTCHA from 'react-google-recaptcha'
import { onError, onToken, show, siteKey } from './page.js'

show(h(ReCAPTCHA, { sitekey: siteKey, onChange: onToken, onErrored: onError }))
