import { getClientIp } from '@passline/server'
import { signUp } from '../../../lib/signup'

/** The route handler: JSON in, the outcome out, the client IP from the Fetch `Request`. */
export async function POST(request: Request) {
  const body = (await request.json().catch(() => ({}))) as {
    email?: unknown
    captchaToken?: unknown
  }
  const clientIp = getClientIp(request, { trustProxy: 1 })
  const outcome = await signUp(body.email, body.captchaToken, clientIp)
  return Response.json(outcome, { status: outcome.ok ? 201 : 403 })
}
