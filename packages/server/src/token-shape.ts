/**
 * The longest token each provider is sent. A longer one is refused before any call, so a
 * 900 KB "token" costs nothing and can never come back from the provider as an outage.
 *
 * - Turnstile: 2048, its documented maximum for siteverify's `response`.
 * - CaptchaLa: 4096. Not documented; its pass tokens are a few hundred characters, and the
 *   emulator refuses longer ones as malformed.
 * - hCaptcha, reCAPTCHA: 8192. Neither documents a limit; their tokens run to about 2,000
 *   characters, so this leaves room for growth and stays far below anything harmful.
 * - Friendly Captcha: 16384, its documented maximum for siteverify's `response` (16 KB).
 * - ALTCHA: 4096. Its payload (base64 JSON of a challenge and a solution) runs to about 700.
 * - Cap: 512. Passline's redeemed tokens run to about 90 characters, Cap's own to 47.
 *
 * Each client and `createVerifier` take `maxTokenLength` to change it.
 */
export const MAX_TOKEN_LENGTH = {
  captchala: 4096,
  turnstile: 2048,
  hcaptcha: 8192,
  recaptcha: 8192,
  friendlycaptcha: 16384,
  altcha: 4096,
  cap: 512,
} as const

export type TokenProblem = 'missing' | 'too-long' | 'malformed'

/**
 * What is wrong with a token before it is sent, if anything: none, longer than `max`, or
 * holding a character no provider's token has (they are printable ASCII without spaces).
 */
export function tokenProblem(token: unknown, max: number): TokenProblem | undefined {
  if (typeof token !== 'string' || !token) return 'missing'
  if (token.length > max) return 'too-long'
  if (!/^[\x21-\x7e]+$/.test(token)) return 'malformed'
  return undefined
}

/** The `detail` for a refused token. */
export function tokenProblemDetail(problem: 'too-long' | 'malformed', max: number): string {
  return problem === 'too-long'
    ? `token longer than ${max} characters, not sent`
    : 'token has characters no token has, not sent'
}
