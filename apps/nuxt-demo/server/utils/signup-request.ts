import type { H3Event } from 'h3'
import { TOKEN_HEADER, tokenFromBody } from '@passline/server'
import { isEmail } from './email'
import { readJsonBody } from './read-json-body'
import { refused, type SignupOutcome } from './signup'

/**
 * A signup request with every field checked, or its refusal: JSON of at most 16 KiB, a valid
 * `email`, the token as `captchaToken` (or in the `X-Captcha-Token` header; checked by the
 * verifier, since a missing, oversized or malformed token counts as a failure).
 */
export async function readSignupRequest(
  event: H3Event,
): Promise<{ email: string; token: unknown } | { refusal: SignupOutcome }> {
  const body = await readJsonBody(event)
  if ('error' in body) return { refusal: refused(body.error) }
  if (typeof body.value !== 'object' || body.value === null)
    return { refusal: refused('invalid_body') }
  const { email } = body.value as { email?: unknown }
  if (!isEmail(email)) return { refusal: refused('invalid_email') }
  const token = getRequestHeader(event, TOKEN_HEADER) || tokenFromBody(body.value)
  return { email, token }
}
