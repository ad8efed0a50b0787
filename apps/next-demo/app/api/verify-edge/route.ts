import { CaptchalaClient, getClientIp } from '@passline/server'
import { serverConfig } from '../../../lib/config'

// The Edge runtime: no Node built-ins, fetch only, which is all @passline/server needs.
export const runtime = 'edge'

let client: CaptchalaClient | undefined

/** Checks a token and answers the validation: the Edge counterpart of /api/signup's first step. */
export async function POST(request: Request) {
  const { captchaToken } = (await request.json().catch(() => ({}))) as { captchaToken?: unknown }
  client ??= new CaptchalaClient(serverConfig())
  const result = await client.validate(captchaToken, {
    clientIp: getClientIp(request, { trustProxy: 1 }),
    expectedAction: 'signup',
  })
  return Response.json(
    { valid: result.valid, error: result.error ?? null },
    { status: result.valid ? 200 : 403 },
  )
}
