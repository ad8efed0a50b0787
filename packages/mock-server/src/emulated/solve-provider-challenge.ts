import { reach, type EmulatorTarget } from '../reach'
import { ChallengeRefused, type SolvedChallenge } from '../solve-challenge'
import type { EmulatedProvider } from './sites'

export interface SolveProviderChallengeOptions {
  provider: EmulatedProvider
  siteKey: string
  action?: string
  /** Turnstile's `cData`. */
  cdata?: string
  /** The page's hostname that siteverify reports. Default `localhost`. */
  hostname?: string
  /** reCAPTCHA: `v3` for a score key (`execute(siteKey, { action })`). Default `v2`. */
  version?: 'v2' | 'v3'
}

/**
 * Does what the emulated Turnstile, hCaptcha or reCAPTCHA widget does, from Node: returns the
 * token a user solving `siteKey` on `hostname` would get (the dummy token for a test key).
 * For backend tests that need a real token without a browser. Throws `ChallengeRefused` with
 * the provider's browser-side code (`110100`, `600010`, ...) when the widget would fail.
 */
export async function solveProviderChallenge(
  /** A mock server's URL, or an emulator (in-process). */
  target: EmulatorTarget,
  options: SolveProviderChallengeOptions,
): Promise<SolvedChallenge> {
  const { provider, siteKey, action, cdata, version, hostname = 'localhost' } = options
  const response = await reach(target, `/${provider}/mock/solve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `https://${hostname}` },
    body: JSON.stringify({ sitekey: siteKey, action, cdata, version }),
  })
  const answer = (await response.json()) as { token?: string; expires_in?: number; error?: string }
  if (!response.ok || !answer.token)
    throw new ChallengeRefused(answer.error ?? 'unknown_error', response.status)
  return { token: answer.token, expiresIn: answer.expires_in ?? 0 }
}
