import { tokenFromBody } from '@passline/server'
import { refused, type Answer } from './answers'
import type { DemoKey, DemoKeys } from './verifiers'

/** A signup request whose every field was checked: only then is anything counted or written. */
export interface SignupInput {
  email: string
  /** Checked by the key's verifier: missing, too long or malformed is a `token` failure. */
  token: string | undefined
  key: DemoKey
}

/** RFC 5321's longest path; anything longer is no address, and would bloat the redirect. */
const MAX_EMAIL_LENGTH = 254
/** The HTML standard's `type=email` rule: the server accepts exactly what the page's input does. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

export const isEmail = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value)

/**
 * Reads a signup body (JSON or a urlencoded form, already parsed): `email`, the token as
 * `captchaToken` (or in the `X-Captcha-Token` header), and the `provider` and `siteKey` the
 * page used. The old `token` field is not read: `captchaToken` is the one name.
 */
export function readSignupInput(
  body: unknown,
  headerToken: unknown,
  keys: DemoKeys,
): { input: SignupInput } | { refusal: Answer } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { refusal: refused('invalid_body') }
  const fields = body as Record<string, unknown>
  if (!isEmail(fields.email)) return { refusal: refused('invalid_email') }
  const key = keys.find(
    fields.provider ?? 'captchala',
    // `appKey`: the CaptchaLa app key, as older pages name it.
    fields.siteKey ?? fields.appKey ?? 'test_pass',
  )
  if (!key) return { refusal: refused('unknown_site_key') }
  const token = typeof headerToken === 'string' && headerToken ? headerToken : tokenFromBody(body)
  return { input: { email: fields.email, token, key } }
}
