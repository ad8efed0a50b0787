import {
  createVerifier,
  getClientIp,
  refusalFor,
  TOKEN_HEADER,
  tokenFromBody,
} from '@passline/server'
import { serverConfig } from '../../../lib/config'
import { readJson } from '../../../lib/read-json'

// The Edge runtime: no Node built-ins, fetch only, which is all @passline/server needs.
export const runtime = 'edge'

// Reads its config on the first request: `next build` runs without the runtime secret.
const verifier = createVerifier(() => ({ provider: 'captchala', ...serverConfig() }))

/**
 * Checks a token (`captchaToken` in a JSON body, or the `X-Captcha-Token` header) and answers
 * `{ valid, error }`, `error` from `VERIFY_ERRORS`: the Edge counterpart of /api/signup's
 * first step.
 */
export async function POST(request: Request) {
  const body = await readJson(request)
  const token =
    request.headers.get(TOKEN_HEADER) || (body.ok ? tokenFromBody(body.value) : undefined)
  const verdict = await verifier.verify(token, {
    clientIp: getClientIp(request, { trustProxy: 1 }),
    expectedAction: 'signup',
  })
  const status = verdict.success ? 200 : refusalFor(verdict).status
  return Response.json({ valid: verdict.success, error: verdict.error ?? null }, { status })
}
