'use server'
import { getClientIp } from '@passline/server'
import { headers } from 'next/headers'
import { signUp, type SignupOutcome } from '../lib/signup'

/**
 * The server action: the token travels in the form data as `captchaToken`, the IP comes from
 * the request headers. Next refuses a cross-site call (its `Origin` check) and a body over
 * `serverActions.bodySizeLimit` (next.config.ts) before this runs.
 */
export async function signupAction(formData: FormData): Promise<SignupOutcome> {
  const clientIp = getClientIp({ headers: await headers() }, { trustProxy: 1 })
  return signUp(formData.get('email'), formData.get('captchaToken'), clientIp)
}
