import { randomUuid } from '../crypto/bytes'
import { openSiteToken } from './site-tokens'
import { timestamp, type SiteverifyContext } from './siteverify'

/** Friendly Captcha v2's siteverify fields (JSON or a form), all optional until checked. */
export interface FriendlySiteverifyFields {
  response?: string | undefined
  sitekey?: string | undefined
}

/** An answer and its HTTP status: Friendly Captcha refuses a bad request with a 4xx. */
export interface FriendlySiteverifyAnswer {
  status: number
  body: Record<string, unknown> & { success: boolean }
}

/**
 * Its documented error codes, each with its HTTP status (developer.friendlycaptcha.com,
 * "/api/v2/captcha/siteverify"): the request's own problems are 4xx, a response that does not
 * verify is a 200.
 */
const FRIENDLY_ERRORS = {
  auth_required: [401, 'The X-API-Key header is missing.'],
  auth_invalid: [401, 'The API key is invalid.'],
  sitekey_invalid: [400, 'The sitekey is not one of this account.'],
  response_missing: [400, 'The response parameter is missing.'],
  bad_request: [400, 'The request body could not be read.'],
  response_invalid: [200, 'The response is invalid.'],
  response_timeout: [200, 'The response has expired.'],
  response_duplicate: [200, 'The response has already been used.'],
} as const

export type FriendlyErrorCode = keyof typeof FRIENDLY_ERRORS

export function friendlyRefusal(
  code: FriendlyErrorCode,
  detail?: string,
): FriendlySiteverifyAnswer {
  const [status, text] = FRIENDLY_ERRORS[code]
  return { status, body: { success: false, error: { error_code: code, detail: detail ?? text } } }
}

/**
 * Friendly Captcha's siteverify: the account's API key (any of its site keys), then a response
 * this emulator minted, checked for site, expiry and single use, answered as v2 answers:
 * `{ success: true, data: { event_id, challenge: { timestamp, origin }, risk_intelligence } }`
 * or `{ success: false, error: { error_code, detail } }`.
 */
export async function friendlySiteverify(
  apiKey: string | null,
  /** The body's fields, read only once the key is known; null when unreadable. */
  readFields: () => Promise<FriendlySiteverifyFields | null>,
  context: SiteverifyContext,
): Promise<FriendlySiteverifyAnswer> {
  if (!apiKey) return friendlyRefusal('auth_required')
  const sites = context.sites.bySecret('friendlycaptcha', apiKey)
  if (sites.length === 0) return friendlyRefusal('auth_invalid')
  const fields = await readFields()
  if (!fields) return friendlyRefusal('bad_request')
  const { response, sitekey } = fields
  if (!response) return friendlyRefusal('response_missing')
  if (sitekey !== undefined && !sites.some((site) => site.siteKey === sitekey))
    return friendlyRefusal('sitekey_invalid')

  const claims = openSiteToken(context.signer, 'friendlycaptcha', response)
  // Forged, another provider's, another account's, or solved for another of its site keys.
  if (
    !claims ||
    !sites.some((site) => site.siteKey === claims.siteKey) ||
    (sitekey !== undefined && sitekey !== claims.siteKey)
  )
    return friendlyRefusal('response_invalid')
  if (claims.expiresAt <= context.clock.now()) return friendlyRefusal('response_timeout')
  if (!context.redeemed.add(claims.jti, claims.expiresAt))
    return friendlyRefusal('response_duplicate')
  return {
    status: 200,
    body: {
      success: true,
      data: {
        event_id: `ev_${randomUuid().replace(/-/g, '')}`,
        challenge: { timestamp: timestamp(claims.issuedAt), origin: claims.origin ?? '' },
        risk_intelligence: null,
      },
    },
  }
}
