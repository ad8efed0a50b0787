import { FRIENDLY_FRAME_SCRIPT } from '../assets'
import { siteverifyContext, type MockContext } from '../context'
import {
  friendlyRefusal,
  friendlySiteverify,
  type FriendlySiteverifyFields,
} from '../emulated/friendly-siteverify'
import { readFormOrJson } from '../http/body'
import { json, type EmulatorRequest } from '../http/exchange'
import type { RouteFamily, Router } from '../http/router'
import { serveAsset } from './assets'

/** Friendly Captcha's paths on its API hosts (global, EU), as they are. */
export const FRIENDLY_SITEVERIFY_PATH = '/api/v2/captcha/siteverify'
const FRAME_PATHS = { widget: '/api/v2/captcha/widget', agent: '/api/v2/captcha/agent' } as const

/** Siteverify: no CORS; an unreadable request is `bad_request` (400), in its shape. */
const FRIENDLY_SITEVERIFY: RouteFamily = {
  name: 'friendly-siteverify',
  cors: false,
  refuse: (error) => {
    const { body } = friendlyRefusal('bad_request', error.message)
    return json(400, body)
  },
}

/**
 * The frames the real `@friendlycaptcha/sdk` loads from the API host (the emulated site script
 * draws its widget in the page and needs none), and v2 siteverify with `X-API-Key`.
 */
export function friendlyRoutes(router: Router, context: MockContext) {
  for (const [kind, path] of Object.entries(FRAME_PATHS)) {
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>Friendly Captcha (emulated)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0;background:transparent"><script>;(function () {
'use strict'
${FRIENDLY_FRAME_SCRIPT}
frcStartFrame('${kind}')
})()</script></body></html>
`
    serveAsset(router, path, page, 'text/html; charset=utf-8')
  }

  const verifyContext = siteverifyContext(context)
  router.add('POST', FRIENDLY_SITEVERIFY_PATH, FRIENDLY_SITEVERIFY, async ({ request }) => {
    // The key first: a request without a valid one learns nothing of its body.
    const { status, body } = await friendlySiteverify(
      request.header('x-api-key'),
      async () => readFields(await readBody(request)),
      verifyContext,
    )
    return json(status, body)
  })
}

/** JSON or a form, as its docs allow; an empty body is no request (`bad_request`). */
async function readBody(request: EmulatorRequest): Promise<unknown> {
  const body = await readFormOrJson(request)
  // Without a content type, only an empty body reads (as {}): nothing was asked.
  return request.header('content-type') === null ? null : body
}

/** The known fields as strings; null when the body is not an object or one is not a string. */
function readFields(body: unknown): FriendlySiteverifyFields | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  const fields: FriendlySiteverifyFields = {}
  for (const name of ['response', 'sitekey'] as const) {
    const value = (body as Record<string, unknown>)[name]
    if (value === undefined) continue
    if (typeof value !== 'string') return null
    fields[name] = value
  }
  return fields
}
