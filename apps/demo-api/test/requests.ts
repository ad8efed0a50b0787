// Requests as the sample pages send them, with Node's fetch, and tokens minted in Node.
import { solveChallenge, solveProviderChallenge } from '@passline/mock-server'
import type { SolveProviderChallengeOptions } from '@passline/mock-server'

export interface Reply {
  status: number
  body: Record<string, unknown>
  headers: Headers
}

let emails = 0
/** An address no test has signed up with yet. */
export const freshEmail = (prefix = 'user') => `${prefix}${++emails}@example.com`

/** `POST /api/signup` with JSON, as a page's script does. */
export async function postJson(
  apiUrl: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetch(`${apiUrl}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  }
}

/** `POST /api/signup` as a plain HTML form does, the redirect not followed. */
export function postForm(
  apiUrl: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(`${apiUrl}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
}

/** A CaptchaLa pass token for the signup action (`test_pass`, the backend's default key). */
export const passToken = async (
  mockUrl: string,
  options: { serverToken?: string; action?: string } = {},
) => (await solveChallenge(mockUrl, { action: 'signup', ...options })).token

/** A Turnstile, hCaptcha or reCAPTCHA token. */
export const providerToken = async (mockUrl: string, options: SolveProviderChallengeOptions) =>
  (await solveProviderChallenge(mockUrl, options)).token

/** Something the mock never issued: a token failure, counted by the policy. */
export const BAD_TOKEN = 'pt_bad'
