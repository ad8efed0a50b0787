import 'server-only'
import {
  CaptchalaClient,
  createPolicy,
  createVerifier,
  type Policy,
  type Verifier,
} from '@passline/server'
import { serverConfig } from './config'

interface SignupState {
  verifier: Verifier
  /** CaptchaLa's server tokens: the stricter challenge an escalated client must answer. */
  issuer: () => CaptchalaClient
  /** Failures per client address: after 3 the challenge, after 20 a block (15 minutes). */
  policy: Policy
  /** Where accounts are "created": a stand-in for your database. */
  accounts: Set<string>
}

// Next bundles the server action and each route handler apart, each with its own copy of this
// module: on `globalThis`, they share one policy and one account store per process.
const shared = globalThis as typeof globalThis & { passlineSignup?: SignupState }

/**
 * The server's signup state, made on first use, not at import: `next build` collects routes
 * without the runtime secret, and the verifier reads its config on its first `verify()`.
 */
export function signupState(): SignupState {
  let client: CaptchalaClient | undefined
  return (shared.passlineSignup ??= {
    verifier: createVerifier(() => ({ provider: 'captchala', ...serverConfig() })),
    issuer: () => (client ??= new CaptchalaClient(serverConfig())),
    policy: createPolicy(),
    accounts: new Set(),
  })
}
