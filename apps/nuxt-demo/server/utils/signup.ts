import type { H3Event } from 'h3'
import {
  CaptchalaClient,
  createPolicy,
  errorKind,
  getClientIp,
  type Verdict,
  type VerifyError,
} from '@passline/server'

/**
 * Every `error` a signup is refused with, and its status: one closed list. A provider's own
 * words never reach the page; they stay in the server's log.
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
  /** The provider failed, or this server's configuration did: nobody's fault, not counted. */
  unavailable: 503,
} as const

export type SignupError = keyof typeof SIGNUP_ERRORS

export interface SignupOutcome {
  ok: boolean
  /** For the person, made from the codes only. */
  message: string
  error?: SignupError
  reason?: VerifyError
  serverToken?: string
  retryAfter?: number
}

/** The `bindUid` of escalation server tokens: CaptchaLa puts it on the tokens solved with one. */
const ESCALATION_UID = 'escalated'
/** Failures per client address: after 3 the challenge, after 20 a block (15 minutes). */
const policy = createPolicy()
/** Where accounts are "created": a stand-in for your database. */
const accounts = new Set<string>()
let issuer: CaptchalaClient | undefined

/** The words for each refusal; `captcha_failed` names the token's code. */
function message(error: SignupError, { reason, retryAfter }: Partial<SignupOutcome>) {
  if (error === 'invalid_email') return 'Please enter an email address.'
  if (error === 'challenge_required') return 'One more check: please solve the challenge again.'
  if (error === 'blocked') return `Too many attempts: please try again in ${retryAfter} s.`
  if (error === 'unavailable') return 'The security check is unavailable: please try again later.'
  return `Signup refused: ${error === 'captcha_failed' ? reason : error}`
}

export function refused(error: SignupError, details: Partial<SignupOutcome> = {}): SignupOutcome {
  return { ok: false, message: message(error, details), error, ...details }
}

/** The client's address, read as `verifyCaptcha` reads it (the module's proxy options). */
export function clientIpOf(event: H3Event) {
  const { trustProxy, ipHeader } = useRuntimeConfig(event).passline
  return getClientIp(event.node.req, { trustProxy, ...(ipHeader && { header: ipHeader }) })
}

/**
 * The signup once the body was read and the email checked: ask the policy, check the token
 * (while escalated, only one solved with our server token), create the account, tell the
 * policy. The account is the one write, made once every check passed.
 */
export async function signUp(event: H3Event, email: string, token: unknown) {
  const clientIp = clientIpOf(event)
  // An unknown address shares one count with every other unknown one: never a free pass.
  const keys = { ip: clientIp ?? 'unknown' }
  const decision = await policy.check(keys)
  if (decision.action === 'block') return refused('blocked', { retryAfter: decision.retryAfter })
  const escalated = decision.action === 'challenge'
  let verdict: Verdict = await verifyCaptcha(event, token, { expectedAction: 'signup' })
  if (escalated && verdict.success && verdict.uid !== ESCALATION_UID)
    verdict = { ...verdict, success: false, error: 'challenge_required' }
  const taken = verdict.success && accounts.has(email)
  if (verdict.success && !taken) accounts.add(email)
  // A taken email counts as a failure too: probing for accounts is what escalation slows down.
  const counted: Verdict = taken ? { ...verdict, success: false, error: 'invalid_token' } : verdict
  const after = await policy.record(keys, counted, {
    challenged: escalated && verdict.success && !taken,
  })
  if (verdict.success && !taken)
    return { ok: true, message: `Welcome, ${email}! Your account is ready.` }
  const reason = taken ? undefined : (verdict.error ?? 'invalid_token')
  if (reason && errorKind(reason) !== 'token') {
    console.error(`[signup] ${reason}: ${verdict.detail ?? 'no detail'}`)
    return refused('unavailable')
  }
  if (!escalated && after.action !== 'challenge')
    return reason ? refused('captcha_failed', { reason }) : refused('email_taken')
  return challenge(event, clientIp, reason)
}

/** CaptchaLa's stricter challenge: a server token bound to the client, its uid on the answer. */
async function challenge(event: H3Event, clientIp: string | null, reason?: VerifyError) {
  const { public: config, passline } = useRuntimeConfig(event)
  issuer ??= new CaptchalaClient({
    appKey: config.passline.siteKey,
    appSecret: passline.secret,
    ...(passline.baseUrl && { baseUrl: passline.baseUrl }),
  })
  const issued = await issuer.issueServerToken('signup', {
    ...(clientIp && { bindingIp: clientIp }),
    bindUid: ESCALATION_UID,
  })
  if (!issued.ok || !issued.token) return refused('unavailable')
  return refused('challenge_required', { ...(reason && { reason }), serverToken: issued.token })
}
