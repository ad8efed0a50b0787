import { getClientIp, TOKEN_HEADER, tokenFromBody } from '@passline/server'
import { readJson } from '../../../lib/read-json'
import { refused, SIGNUP_ERRORS, signUp, type SignupOutcome } from '../../../lib/signup'

/**
 * The route handler: JSON in (at most 16 KiB), the outcome out, the token as `captchaToken` (or
 * the `X-Captcha-Token` header), the client IP from the Fetch `Request`.
 */
export async function POST(request: Request) {
  const body = await readJson(request)
  let outcome: SignupOutcome
  if (!body.ok) outcome = refused(body.error)
  else if (typeof body.value !== 'object' || body.value === null) outcome = refused('invalid_body')
  else {
    const { email } = body.value as { email?: unknown }
    const token = request.headers.get(TOKEN_HEADER) || tokenFromBody(body.value)
    outcome = await signUp(email, token, getClientIp(request, { trustProxy: 1 }))
  }
  const status = outcome.error ? SIGNUP_ERRORS[outcome.error] : 201
  const headers: Record<string, string> = outcome.retryAfter
    ? { 'retry-after': String(outcome.retryAfter) }
    : {}
  return Response.json(outcome, { status, headers })
}
