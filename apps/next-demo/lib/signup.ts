import 'server-only'
import { errorKind, type Verdict, type VerifyError } from '@passline/server'
import { signupState } from './captcha'
import { isEmail } from './email'

/**
 * Every `error` a signup is refused with, and the route handler's status for it: one closed
 * list. A provider's own words never reach the page; they stay in the server's log.
 */
export const SIGNUP_ERRORS = {
  invalid_body: 400,
  invalid_email: 400,
  /** The token was not good: `reason` says why (a `token` code of `VERIFY_ERRORS`). */
  captcha_failed: 403,
  /** Too many failures: solve the challenge again with `serverToken`. */
  challenge_required: 403,
  email_taken: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  /** Far too many failures: `retryAfter` seconds. */
  blocked: 429,
  /** CaptchaLa failed, or this server's configuration did: nobody's fault, not counted. */
  unavailable: 503,
} as const

export type SignupError = keyof typeof SIGNUP_ERRORS

export interface SignupOutcome {
  ok: boolean
  /** For the person, made from the codes below only. */
  message: string
  error?: SignupError
  reason?: VerifyError
  /** The backend wants a challenge solved with this server token first. */
  serverToken?: string
  retryAfter?: number
}

/** The `bindUid` of escalation server tokens: CaptchaLa puts it on the tokens solved with one. */
const ESCALATION_UID = 'escalated'

const MESSAGES: Record<SignupError, (outcome: SignupOutcome) => string> = {
  invalid_body: () => 'Signup refused: invalid_body',
  invalid_email: () => 'Please enter an email address.',
  captcha_failed: ({ reason }) => `Signup refused: ${reason}`,
  challenge_required: () => 'One more check: please solve the challenge again.',
  email_taken: () => 'Signup refused: email_taken',
  body_too_large: () => 'Signup refused: body_too_large',
  unsupported_media_type: () => 'Signup refused: unsupported_media_type',
  blocked: ({ retryAfter }) => `Too many attempts: please try again in ${retryAfter} s.`,
  unavailable: () => 'The security check is unavailable right now: please try again later.',
}

export function refused(error: SignupError, details: Partial<SignupOutcome> = {}): SignupOutcome {
  const outcome = { ok: false, error, ...details }
  return { ...outcome, message: MESSAGES[error]({ message: '', ...outcome }) }
}

/**
 * What both the server action and the route handler do once the request was read: ask the
 * policy, check the token (while escalated, only one solved with our server token), create the
 * account, tell the policy. The account is the one write, made once every check passed.
 */
export async function signUp(
  email: unknown,
  token: unknown,
  clientIp: string | null,
): Promise<SignupOutcome> {
  if (!isEmail(email)) return refused('invalid_email')
  const { verifier, policy, accounts } = signupState()
  // An unknown address shares one count with every other unknown one: never a free pass.
  const keys = { ip: clientIp ?? 'unknown' }
  const decision = await policy.check(keys)
  if (decision.action === 'block') return refused('blocked', { retryAfter: decision.retryAfter })
  const escalated = decision.action === 'challenge'
  let verdict = await verifier.verify(token, { expectedAction: 'signup', clientIp })
  if (escalated && verdict.success && verdict.uid !== ESCALATION_UID)
    verdict = failure(verdict, 'challenge_required')
  const taken = verdict.success && accounts.has(email)
  if (verdict.success && !taken) accounts.add(email)
  // A taken email counts as a failure too: probing for accounts is what escalation slows down.
  const after = await policy.record(keys, taken ? failure(verdict, 'invalid_token') : verdict, {
    challenged: escalated && verdict.success && !taken,
  })
  if (verdict.success && !taken)
    return { ok: true, message: `Welcome, ${email}! Your account is ready.` }
  return refusal(taken ? undefined : verdict, escalated || after.action === 'challenge', clientIp)
}

function failure(verdict: Verdict, error: VerifyError): Verdict {
  return { ...verdict, success: false, error }
}

/** `failed`: the token's verdict, undefined for a taken email. */
async function refusal(
  failed: Verdict | undefined,
  challenge: boolean,
  clientIp: string | null,
): Promise<SignupOutcome> {
  const reason = failed ? (failed.error ?? 'invalid_token') : undefined
  if (reason && errorKind(reason) !== 'token') {
    console.error(`[signup] ${reason}: ${failed?.detail ?? 'no detail'}`)
    return refused('unavailable')
  }
  if (!challenge) return reason ? refused('captcha_failed', { reason }) : refused('email_taken')
  const issued = await signupState()
    .issuer()
    .issueServerToken('signup', {
      ...(clientIp && { bindingIp: clientIp }),
      bindUid: ESCALATION_UID,
    })
  if (!issued.ok || !issued.token) return refused('unavailable')
  return refused('challenge_required', { ...(reason && { reason }), serverToken: issued.token })
}
