// react-google-recaptcha-v3, used as its README shows: the provider loads `api.js?render=<key>`
// into <head>; with `?container=` it renders into an element of its own and executes by id.
import { createElement as h } from 'react'
import { GoogleReCaptcha, GoogleReCaptchaProvider } from 'react-google-recaptcha-v3'
import { onToken, show, siteKey } from './page.js'

const container = new URLSearchParams(location.search).get('container')
show(
  h(
    GoogleReCaptchaProvider,
    { reCaptchaKey: siteKey, ...(container && { container: { element: container } }) },
    h(GoogleReCaptcha, { action: 'signup', onVerify: onToken }),
  ),
)
