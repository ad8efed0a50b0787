import { isProofOfWork } from './proof-of-work'
import { reach, type EmulatorTarget } from './reach'

export interface SolveChallengeOptions {
  /** Default `test_pass`. */
  appKey?: string
  action?: string
  serverToken?: string
}

export interface SolvedChallenge {
  token: string
  /** Seconds the token lives. */
  expiresIn: number
}

/** A refusal of the mock's widget API, with CaptchaLa's error code. */
export class ChallengeRefused extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`the mock refused the challenge: ${code}`)
  }
}

/**
 * Does what the widget does, from Node: asks the emulator for a challenge, finds the proof of
 * work, and trades it for a pass token. For backend tests that need a real token without a
 * browser. The token's solving IP is the caller's (`127.0.0.1`).
 */
export async function solveChallenge(
  /** A mock server's URL, or an emulator (in-process). */
  target: EmulatorTarget,
  options: SolveChallengeOptions = {},
): Promise<SolvedChallenge> {
  const request: Record<string, string> = { app_key: options.appKey ?? 'test_pass' }
  if (options.action) request.action = options.action
  if (options.serverToken) request.server_token = options.serverToken
  const { challenge, bits } = await call<{ challenge: string; bits: number }>(
    target,
    'challenge',
    request,
  )
  const solved = await call<{ token: string; expires_in: number }>(target, 'solve', {
    challenge,
    nonce: findProofOfWork(challenge, bits),
  })
  return { token: solved.token, expiresIn: solved.expires_in }
}

async function call<T>(target: EmulatorTarget, path: string, body: object): Promise<T> {
  const response = await reach(target, `/captchala/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const envelope = (await response.json()) as { code: number; data: T & { error?: string } }
  if (envelope.code !== 0)
    throw new ChallengeRefused(envelope.data.error ?? 'unknown_error', response.status)
  return envelope.data
}

/** The first nonce whose SHA-256(`challenge:nonce`) starts with `bits` zero bits. */
export function findProofOfWork(challenge: string, bits: number): string {
  for (let nonce = 0; ; nonce++) {
    if (isProofOfWork(challenge, String(nonce), bits)) return String(nonce)
  }
}
