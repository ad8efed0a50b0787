import { DEFAULT_RATE_LIMIT, type MockApp } from '../apps'
import type { MockContext } from '../context'
import { secretDigest, secretMatches } from '../crypto/signing'
import { handled, RequestRefused } from '../envelope'
import { readJson } from '../http/body'
import { checkBody, type BodyRules } from '../http/fields'
import { createRateLimiter } from '../http/rate-limit'
import type { Incoming, Router } from '../http/router'
import { isValidIp, normalizeIp } from '../ip'
import { validatePassToken, type ValidateData } from '../validate-pass-token'
import { CAPTCHALA_API } from './families'

const MAX_SERVER_TOKEN_TTL_SECONDS = 3600
const DEFAULT_SERVER_TOKEN_TTL_SECONDS = 300
const ACTION_PATTERN = /^[A-Za-z0-9_./:-]{1,64}$/

const validateBody: BodyRules = {
  fields: {
    pass_token: { type: 'string', maxLength: 4096 },
    keep_token: { type: 'boolean' },
    // Informational and never refused: a malformed value is ignored, as CaptchaLa does.
    client_ip: { type: 'any' },
    action: { type: 'string', maxLength: 64 },
    uid: { type: 'string', maxLength: 128 },
  },
}

const issueBody: BodyRules = {
  fields: {
    action: { type: 'string', maxLength: 256 },
    binding_ip: { type: 'string', maxLength: 64 },
    ttl: { type: 'integer', minimum: 1 },
    max_uses: { type: 'integer', minimum: 1, maximum: 1000 },
    bind_uid: { type: 'string', minLength: 1, maxLength: 128 },
  },
}

interface ValidateBody {
  pass_token?: string
  keep_token?: boolean
  client_ip?: unknown
  action?: string
  uid?: string
}

interface IssueBody {
  action?: string
  binding_ip?: string
  ttl?: number
  max_uses?: number
  bind_uid?: string
}

/**
 * CaptchaLa's server-to-server API: `/v1/validate` (and the backup host's `/api/validate`)
 * and `/v1/server/challenge/issue`, rate limited per app key, then authenticated by
 * `X-App-Key` / `X-App-Secret` before the body is read.
 */
export function captchalaApiRoutes(router: Router, context: MockContext) {
  const family = CAPTCHALA_API
  const limit = createRateLimiter(context.clock)
  const secretDigests = new Map(
    [...context.apps.values()].map((app) => [app.appKey, secretDigest(app.appSecret)]),
  )

  /** The calling app, once its budget and credentials are checked. */
  const authenticate = ({ request, clientIp }: Incoming): MockApp => {
    const key = request.header('x-app-key')
    const app = key === null ? undefined : context.apps.get(key)
    limit(key === null ? `ip:${clientIp}` : `app:${key}`, app?.rateLimit ?? DEFAULT_RATE_LIMIT)
    if (!app)
      throw new RequestRefused(
        401,
        'invalid_app_key',
        key === null ? 'missing X-App-Key' : undefined,
      )
    const secret = request.header('x-app-secret')
    if (secret === null || !secretMatches(secret, secretDigests.get(app.appKey)!))
      throw new RequestRefused(401, 'invalid_app_secret')
    return app
  }

  const validateOn = (backup: boolean) => async (incoming: Incoming) => {
    const app = authenticate(incoming)
    const body = checkBody<ValidateBody>(await readJson(incoming.request), validateBody)
    if (!body.pass_token) throw new RequestRefused(400, 'empty_token', undefined, { valid: false })
    const data = validatePassToken(
      {
        app: app.appKey,
        token: body.pass_token,
        keepToken: body.keep_token ?? false,
        action: body.action,
        uid: body.uid,
        backup,
      },
      { signer: context.signer, consumed: context.consumedTokens, clock: context.clock },
    )
    recordClientIp(body.client_ip, data)
    return handled(data)
  }

  /** Tells the log when the caller's `client_ip` differs from the solver's: recorded, not refused. */
  const recordClientIp = (clientIp: unknown, data: ValidateData) => {
    if (!context.log || !data.valid || clientIp === undefined) return
    const given = typeof clientIp === 'string' && isValidIp(clientIp) ? normalizeIp(clientIp) : null
    if (given === normalizeIp(data.captcha_args.user_ip)) return
    context.log(
      given
        ? `validate: client_ip ${given} differs from the solver's ${data.captcha_args.user_ip} (recorded, not refused)`
        : `validate: client_ip ${JSON.stringify(clientIp).slice(0, 80)} is not an address (ignored)`,
    )
  }

  router.add('POST', '/v1/validate', family, validateOn(false))
  // The backup host answers `offline_` tokens at this path, with the same contract.
  router.add('POST', '/api/validate', family, validateOn(true))

  router.add('POST', '/v1/server/challenge/issue', family, async (incoming) => {
    const app = authenticate(incoming)
    const body = checkBody<IssueBody>(await readJson(incoming.request), issueBody)
    if (!body.action || !ACTION_PATTERN.test(body.action)) {
      throw new RequestRefused(
        400,
        'invalid_action',
        'action must be 1-64 of A-Z a-z 0-9 _ . / : -',
      )
    }
    if (body.binding_ip !== undefined && !isValidIp(body.binding_ip)) {
      throw new RequestRefused(400, 'invalid_request', 'binding_ip is not an IP address')
    }
    const ttlSeconds = Math.min(
      body.ttl ?? DEFAULT_SERVER_TOKEN_TTL_SECONDS,
      MAX_SERVER_TOKEN_TTL_SECONDS,
    )
    const { token, grant } = context.serverTokens.issue({
      app: app.appKey,
      action: body.action,
      bindingIp: body.binding_ip,
      uid: body.bind_uid,
      ttlSeconds,
      maxUses: body.max_uses ?? 1,
    })
    return handled({
      server_token: token,
      expires_in: ttlSeconds,
      issued_at: Math.floor((grant.expiresAt - ttlSeconds * 1000) / 1000),
    })
  })
}
