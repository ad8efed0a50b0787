// verifyCaptcha is auto-imported by @passline/nuxt: the configured provider, the secret from
// NUXT_PASSLINE_SECRET, the client IP read with the configured proxy options; it fails closed.
import { CaptchalaClient } from '@passline/server'

const ESCALATE_AFTER = 3
const ESCALATION_UID = 'escalated'
const accounts = new Set<string>()
const failuresByClient = new Map<string, number>()

export default defineEventHandler(async (event) => {
  const { email, captchaToken } = await readBody<{ email?: unknown; captchaToken?: unknown }>(event)
  if (typeof email !== 'string' || !email.includes('@')) {
    setResponseStatus(event, 400)
    return { ok: false, message: 'Please enter an email address.' }
  }
  const captcha = await verifyCaptcha(event, captchaToken, { expectedAction: 'signup' })
  const client = captcha.clientIp ?? 'unknown'
  const escalated = (failuresByClient.get(client) ?? 0) >= ESCALATE_AFTER
  const uid = captcha.result && 'uid' in captcha.result ? captcha.result.uid : null
  const passed = captcha.success && (!escalated || uid === ESCALATION_UID)
  if (passed && !accounts.has(email)) {
    accounts.add(email)
    failuresByClient.delete(client)
    setResponseStatus(event, 201)
    return { ok: true, message: `Welcome, ${email}! Your account is ready.` }
  }
  setResponseStatus(event, 403)
  const failures = (failuresByClient.get(client) ?? 0) + 1
  failuresByClient.set(client, failures)
  const reason = !captcha.success
    ? captcha.error
    : passed
      ? 'email_taken'
      : 'server_challenge_missing'
  if (failures < ESCALATE_AFTER) return { ok: false, message: `Signup refused: ${reason}` }
  // Escalation is CaptchaLa's: a server token bound to a uid that only its challenge carries.
  const { public: config, passline } = useRuntimeConfig(event)
  const issued = await new CaptchalaClient({
    appKey: config.passline.siteKey,
    appSecret: passline.secret,
    ...(passline.baseUrl && { baseUrl: passline.baseUrl }),
  }).issueServerToken('signup', { bindUid: ESCALATION_UID })
  if (!issued.ok) return { ok: false, message: `Signup refused: ${issued.error}` }
  return {
    ok: false,
    message: 'One more check: please solve the challenge again.',
    serverToken: issued.token,
  }
})
