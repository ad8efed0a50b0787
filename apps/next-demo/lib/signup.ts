import 'server-only'
import { CaptchalaClient } from '@passline/server'
import { serverConfig } from './config'

export interface SignupOutcome {
  ok: boolean
  message: string
  /** The backend wants a challenge solved with this server token first. */
  serverToken?: string
}

const ESCALATE_AFTER = 3
const ESCALATION_UID = 'escalated'
const accounts = new Set<string>()
const failuresByClient = new Map<string, number>()

// Made on first use, not at import: `next build` collects pages without the runtime secrets.
let client: CaptchalaClient | undefined
const captchala = () => (client ??= new CaptchalaClient(serverConfig()))

/**
 * What both the server action and the route handler do: check the token before anything else,
 * refuse a replay, and after repeated failures from one client ask for a challenge solved with
 * a server token (only a token that carries its uid passes then).
 */
export async function signUp(email: unknown, token: unknown, clientIp: string | null) {
  if (typeof email !== 'string' || !email.includes('@'))
    return { ok: false, message: 'Please enter an email address.' }
  const client = clientIp ?? 'unknown'
  const escalated = (failuresByClient.get(client) ?? 0) >= ESCALATE_AFTER
  const result = await captchala().validate(token, { clientIp, expectedAction: 'signup' })
  const passed = result.valid && (!escalated || result.uid === ESCALATION_UID)
  if (passed && !accounts.has(email)) {
    accounts.add(email)
    failuresByClient.delete(client)
    return { ok: true, message: `Welcome, ${email}! Your account is ready.` }
  }
  const failures = (failuresByClient.get(client) ?? 0) + 1
  failuresByClient.set(client, failures)
  const reason = !result.valid ? result.error : passed ? 'email_taken' : 'server_challenge_missing'
  if (failures < ESCALATE_AFTER) return { ok: false, message: `Signup refused: ${reason}` }
  const issued = await captchala().issueServerToken('signup', { bindUid: ESCALATION_UID })
  if (!issued.ok) return { ok: false, message: `Signup refused: ${issued.error}` }
  return {
    ok: false,
    message: 'One more check: please solve the challenge again.',
    serverToken: issued.token!,
  } satisfies SignupOutcome
}
