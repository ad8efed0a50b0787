// @marsidev/react-turnstile, used as its README shows.
import { Turnstile } from '@marsidev/react-turnstile'
import { createElement as h } from 'react'
import { onError, onToken, show, siteKey } from './page.js'

show(h(Turnstile, { siteKey, options: { action: 'signup' }, onSuccess: onToken, onError }))
