import type { Clock } from '../clock'
import type { ExpiringSet } from '../expiring-set'
import { isValidIp } from '../ip'
import { secretDigest, secretMatches, type Signer } from '../crypto/signing'
import { openSiteToken, type SiteTokenClaims } from './site-tokens'
import {
  HCAPTCHA_TEST_SECRET,
  PROVIDER_TEST_SITES,
  RECAPTCHA_TEST_SECRET,
  TURNSTILE_TEST_SECRETS,
  type EmulatedSite,
  type FormSiteverifyProvider,
  type SiteRegistry,
} from './sites'

/** The form (or JSON) fields of a siteverify request, all optional until checked. */
export interface SiteverifyFields {
  secret?: string | undefined
  response?: string | undefined
  remoteip?: string | undefined
  sitekey?: string | undefined
  idempotency_key?: string | undefined
}

export type SiteverifyAnswer = Record<string, unknown> & { success: boolean }

export interface SiteverifyContext {
  sites: SiteRegistry
  signer: Signer
  clock: Clock
  /** Redeemed tokens by id, until they would have expired anyway. */
  redeemed: ExpiringSet
  /** Turnstile: the answer given for an idempotency key and token, by `key:jti`. */
  idempotent: Map<string, { answer: SiteverifyAnswer; expiresAt: number }>
}

/** Each provider's spelling of the same failures. */
const CODES: Record<
  FormSiteverifyProvider,
  {
    expired: string
    duplicate: string
    otherSite: string
    dummyWithRealSecret: string
    realWithTestSecret: string
  }
> = {
  turnstile: {
    expired: 'timeout-or-duplicate',
    duplicate: 'timeout-or-duplicate',
    otherSite: 'invalid-input-response',
    dummyWithRealSecret: 'invalid-input-response',
    realWithTestSecret: 'invalid-input-secret',
  },
  hcaptcha: {
    expired: 'expired-input-response',
    duplicate: 'already-seen-response',
    otherSite: 'sitekey-secret-mismatch',
    dummyWithRealSecret: 'not-using-dummy-secret',
    realWithTestSecret: 'not-using-dummy-passcode',
  },
  recaptcha: {
    expired: 'timeout-or-duplicate',
    duplicate: 'timeout-or-duplicate',
    otherSite: 'invalid-input-response',
    dummyWithRealSecret: 'invalid-input-response',
    realWithTestSecret: 'invalid-input-response',
  },
}

const TEST_SECRET_DIGESTS = {
  turnstile: Object.entries(TURNSTILE_TEST_SECRETS).map(
    ([outcome, secret]) => [outcome, secretDigest(secret)] as const,
  ),
  hcaptcha: [['pass', secretDigest(HCAPTCHA_TEST_SECRET)] as const],
  recaptcha: [['pass', secretDigest(RECAPTCHA_TEST_SECRET)] as const],
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_TURNSTILE_RESPONSE = 2048

const refuse = (code: string): SiteverifyAnswer => ({ success: false, 'error-codes': [code] })

/** An ISO timestamp without milliseconds, as the providers print `challenge_ts`. */
export const timestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/**
 * One provider's siteverify: its test secrets and dummy tokens, then minted tokens checked for
 * site, expiry and single use, answering with that provider's fields and error codes.
 */
export function siteverify(
  provider: FormSiteverifyProvider,
  fields: SiteverifyFields,
  context: SiteverifyContext,
): SiteverifyAnswer {
  const { secret, response } = fields
  if (!secret) return refuse('missing-input-secret')
  if (!response) return refuse('missing-input-response')
  if (provider === 'turnstile' && response.length > MAX_TURNSTILE_RESPONSE)
    return refuse('invalid-input-response')
  if (provider === 'turnstile' && fields.idempotency_key && !UUID.test(fields.idempotency_key))
    return refuse('bad-request')
  if (provider === 'hcaptcha' && fields.remoteip && !isValidIp(fields.remoteip))
    return refuse('invalid-remoteip')

  const codes = CODES[provider]
  const dummySite = PROVIDER_TEST_SITES.find(
    (site) => site.provider === provider && site.dummyToken === response,
  )
  const testSecret = TEST_SECRET_DIGESTS[provider].find(([, digest]) =>
    secretMatches(secret, digest),
  )?.[0]
  if (testSecret === 'fail') return refuse('invalid-input-response')
  if (testSecret === 'spent') return refuse('timeout-or-duplicate')
  if (testSecret) {
    if (provider === 'hcaptcha' && fields.sitekey && !isTestSiteKey(provider, fields.sitekey))
      return refuse('sitekey-secret-mismatch')
    // reCAPTCHA's test secret passes any token.
    const site = dummySite ?? (provider === 'recaptcha' ? testSiteOf(provider) : undefined)
    return site ? testAnswer(provider, site, context.clock.now()) : refuse(codes.realWithTestSecret)
  }

  const sites = context.sites.bySecret(provider, secret)
  if (sites.length === 0) return refuse('invalid-input-secret')
  if (dummySite) return refuse(codes.dummyWithRealSecret)
  const claims = openSiteToken(context.signer, provider, response)
  if (!claims) return refuse('invalid-input-response')
  const site = sites.find((candidate) => candidate.siteKey === claims.siteKey)
  if (!site) return refuse(codes.otherSite)
  if (provider === 'hcaptcha' && fields.sitekey && fields.sitekey !== claims.siteKey)
    return refuse('sitekey-secret-mismatch')

  const idempotencyKey =
    provider === 'turnstile' && fields.idempotency_key
      ? `${fields.idempotency_key.toLowerCase()}:${claims.jti}`
      : null
  const repeated = idempotencyKey ? context.idempotent.get(idempotencyKey) : undefined
  if (repeated) return repeated.answer

  const now = context.clock.now()
  const answer =
    claims.expiresAt <= now
      ? refuse(codes.expired)
      : !context.redeemed.add(claims.jti, claims.expiresAt)
        ? refuse(codes.duplicate)
        : successAnswer(provider, site, claims)
  if (idempotencyKey) {
    if (context.idempotent.size % 256 === 255) sweep(context.idempotent, now)
    context.idempotent.set(idempotencyKey, { answer, expiresAt: claims.expiresAt })
  }
  return answer
}

function successAnswer(
  provider: FormSiteverifyProvider,
  site: EmulatedSite,
  claims: SiteTokenClaims,
): SiteverifyAnswer {
  const challengeTs = timestamp(claims.issuedAt)
  switch (provider) {
    case 'turnstile':
      return {
        success: true,
        'error-codes': [],
        challenge_ts: challengeTs,
        hostname: claims.hostname,
        action: claims.action,
        cdata: claims.cdata,
        metadata: { interactive: site.interactive !== false },
      }
    case 'hcaptcha':
      return { success: true, challenge_ts: challengeTs, hostname: claims.hostname, credit: false }
    case 'recaptcha':
      return site.version === 'v3'
        ? {
            success: true,
            challenge_ts: challengeTs,
            hostname: claims.hostname,
            score: site.score ?? 0.9,
            action: claims.action,
          }
        : { success: true, challenge_ts: challengeTs, hostname: claims.hostname }
  }
}

/** A dummy token verified with a test secret: always the same answer, any number of times. */
function testAnswer(
  provider: FormSiteverifyProvider,
  site: EmulatedSite,
  now: number,
): SiteverifyAnswer {
  const base = { success: true, challenge_ts: timestamp(now), hostname: site.testHostname ?? '' }
  if (provider === 'turnstile') return { ...base, 'error-codes': [], action: '', cdata: '' }
  if (provider === 'hcaptcha') return { ...base, credit: false }
  return base
}

const isTestSiteKey = (provider: FormSiteverifyProvider, siteKey: string) =>
  PROVIDER_TEST_SITES.some((site) => site.provider === provider && site.siteKey === siteKey)

const testSiteOf = (provider: FormSiteverifyProvider) =>
  PROVIDER_TEST_SITES.find((site) => site.provider === provider)

function sweep(entries: Map<string, { expiresAt: number }>, now: number) {
  for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key)
}
