'use server'
import { getClientIp } from '@passline/server'
import { headers } from 'next/headers'
import { signUp, type SignupOutcome } from '../lib/signup'

/** The server action: the token travels in the form data, the IP comes from the request headers. */
export async function signupAction(formData: FormData): Promise<SignupOutcome> {
  const clientIp = getClientIp({ headers: await headers() }, { trustProxy: 1 })
  return signUp(formData.get('email'), formData.get('captchaToken'), clientIp)
}
