import type { RequestRefused } from '../envelope'
import { json } from '../http/exchange'
import type { RouteFamily } from '../http/router'

const envelope = (error: RequestRefused) => json(error.status, error.toEnvelope(), error.headers)

/** What pages load and call on CaptchaLa: CORS open, refusals in the envelope. */
export const CAPTCHALA_BROWSER: RouteFamily = { name: 'browser', cors: true, refuse: envelope }

/** CaptchaLa's server-to-server API: no CORS, refusals in the envelope. */
export const CAPTCHALA_API: RouteFamily = { name: 'api', cors: false, refuse: envelope }

// The emulator's own request codes, which the other providers spell `bad-request`.
const REQUEST_CODES = new Set(['invalid_request', 'payload_too_large', 'unsupported_media_type'])

/** The emulated widgets' calls: CORS open, `{ error }` with the provider's code. */
export const EMULATED_WIDGETS: RouteFamily = {
  name: 'widgets',
  cors: true,
  refuse: (error) =>
    json(
      error.status,
      REQUEST_CODES.has(error.error)
        ? { error: 'bad-request', message: error.message }
        : { error: error.error },
    ),
}

/** Siteverify: no CORS; an unreadable request is `bad-request` in the providers' shape. */
export const SITEVERIFY: RouteFamily = {
  name: 'siteverify',
  cors: false,
  refuse: (error) =>
    json(error.status < 500 ? error.status : 400, {
      success: false,
      'error-codes': ['bad-request'],
    }),
}
