import { errorKind, type Decision, type Policy, type Verdict } from '@passline/server'
import { created, refused, type Answer } from './answers'
import type { SignupInput } from './signup-input'

/**
 * The `bindUid` of the server tokens issued to escalated clients. CaptchaLa puts it on a pass
 * token only when the challenge was solved with such a server token, which only our app
 * secret can issue: so `verdict.uid` proves the stricter challenge was answered. It is not a
 * secret, and needs none.
 */
export const ESCALATION_UID = 'escalated'
const SIGNUP_ACTION = 'signup'

/** Where accounts are "created": a stand-in for your database. A `Set` will do. */
export interface AccountStore {
  has(email: string): boolean
  add(email: string): unknown
}

/**
 * A taken email is counted like a bad token: probing which addresses have accounts is what
 * escalation is there to slow down. The policy counts only `token` failures, so it is
 * recorded as one (the browser is told `email_taken`).
 */
const probed = (provider: string): Verdict => ({
  success: false,
  error: 'invalid_token',
  detail: 'email_taken',
  provider,
  raw: null,
})

const challengeRequired = (provider: string): Verdict => ({
  success: false,
  error: 'challenge_required',
  provider,
  raw: null,
})

/**
 * The signup decision, after the input was read: ask the policy, verify the token (the
 * stricter challenge's, when the policy asks for it), create the account, tell the policy.
 * The account is the one write, made only when every check passed; nothing after it can fail.
 */
export function createSignup(policy: Policy, accounts: AccountStore) {
  return async function signUp(input: SignupInput, ip: string | null): Promise<Answer> {
    // An unknown address shares one count with every other unknown one: never a free pass.
    const keys = { ip: ip ?? 'unknown' }
    const decision = await policy.check(keys)
    if (decision.action === 'block')
      return refused('blocked', { retryAfter: decision.retryAfter ?? 60 })
    const escalated = decision.action === 'challenge'
    const verdict = await verify(input, ip, escalated)
    const taken = verdict.success && accounts.has(input.email)
    if (verdict.success && !taken) accounts.add(input.email)
    const after = await policy.record(keys, taken ? probed(verdict.provider) : verdict, {
      challenged: escalated && verdict.success && !taken,
    })
    if (verdict.success && !taken) return created(input.email)
    return refusal(input, ip, taken ? undefined : verdict, escalated, after)
  }
}

/** The key's verdict; while escalated, only a token solved with our server token passes. */
async function verify(input: SignupInput, ip: string | null, escalated: boolean) {
  const { key } = input
  // No other provider here can answer the challenge: refused, and counted, with no call.
  if (escalated && !key.issuer) return challengeRequired('unknown')
  const verdict = await key.verifier.verify(input.token, {
    expectedAction: key.expectedAction,
    clientIp: ip,
  })
  if (!verdict.success && errorKind(verdict.error ?? 'invalid_token') !== 'token')
    console.warn(`[demo-api] signup: ${verdict.error} (${verdict.detail ?? 'no detail'})`)
  return escalated && verdict.success && verdict.uid !== ESCALATION_UID
    ? challengeRequired(verdict.provider)
    : verdict
}

/** The answer to a refused signup: `failed` is the token's verdict, undefined for a taken email. */
async function refusal(
  input: SignupInput,
  ip: string | null,
  failed: Verdict | undefined,
  escalated: boolean,
  after: Decision,
): Promise<Answer> {
  const reason = failed ? (failed.error ?? 'invalid_token') : undefined
  // An outage or a broken configuration is nobody's fault here, and was not counted.
  if (reason && errorKind(reason) !== 'token') return refused('unavailable')
  const details = reason ? { reason } : {}
  if (!escalated && after.action !== 'challenge')
    return reason ? refused('captcha_failed', details) : refused('email_taken')
  const { issuer } = input.key
  if (!issuer) return refused('challenge_required', details)
  // CaptchaLa's stricter challenge: a server token bound to this client's address, whose
  // solved tokens carry ESCALATION_UID.
  const issued = await issuer.issueServerToken(SIGNUP_ACTION, {
    ...(ip && { bindingIp: ip }),
    bindUid: ESCALATION_UID,
  })
  if (!issued.ok || !issued.token) return refused('unavailable')
  return refused('challenge_required', { ...details, serverToken: issued.token })
}
