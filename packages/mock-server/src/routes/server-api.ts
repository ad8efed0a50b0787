import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DEFAULT_RATE_LIMIT, type MockApp } from '../apps'
import type { MockContext } from '../context'
import { handled, RequestRefused } from '../envelope'
import { isValidIp, normalizeIp } from '../ip'
import { secretDigest, secretMatches } from '../signing'
import { validatePassToken, type ValidateData } from '../validate-pass-token'

const MAX_SERVER_TOKEN_TTL_SECONDS = 3600
const DEFAULT_SERVER_TOKEN_TTL_SECONDS = 300
const ACTION_PATTERN = '^[A-Za-z0-9_./:-]{1,64}$'

const validateBody = {
  type: 'object',
  properties: {
    pass_token: { type: 'string', maxLength: 4096 },
    keep_token: { type: 'boolean' },
    // Informational and never refused: a malformed value is ignored, as CaptchaLa does.
    client_ip: {},
    action: { type: 'string', maxLength: 64 },
    uid: { type: 'string', maxLength: 128 },
  },
} as const

const issueBody = {
  type: 'object',
  properties: {
    action: { type: 'string', maxLength: 256 },
    binding_ip: { type: 'string', maxLength: 64 },
    ttl: { type: 'integer', minimum: 1 },
    max_uses: { type: 'integer', minimum: 1, maximum: 1000 },
    bind_uid: { type: 'string', minLength: 1, maxLength: 128 },
  },
} as const

// Serialised by a compiled stringifier instead of JSON.stringify: this is the hot path.
const validateResponse = {
  200: {
    type: 'object',
    properties: {
      code: { type: 'integer' },
      msg: { type: 'string' },
      data: {
        type: 'object',
        properties: {
          valid: { type: 'boolean' },
          error: { type: 'string' },
          degraded: { type: 'boolean' },
          reason: { type: 'string' },
          challenge_id: { type: 'string' },
          action: { type: 'string' },
          uid: { type: ['string', 'null'] },
          risk_score: { type: 'number' },
          captcha_args: {
            type: 'object',
            properties: {
              platform: { type: 'string' },
              user_ip: { type: 'string' },
              referer: { type: 'string' },
              pkg: { type: 'string' },
              solved_at: { type: 'integer' },
              risk_score: { type: 'number' },
            },
          },
        },
      },
    },
  },
} as const

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
 * and `/v1/server/challenge/issue`, authenticated by `X-App-Key` / `X-App-Secret`, rate
 * limited per app key.
 */
export async function serverApiRoutes(api: FastifyInstance, context: MockContext) {
  const appOf = (request: FastifyRequest): MockApp | undefined => {
    const key = request.headers['x-app-key']
    return typeof key === 'string' ? context.apps.get(key) : undefined
  }

  await api.register(rateLimit, {
    keyGenerator: (request) => {
      const key = request.headers['x-app-key']
      return typeof key === 'string' ? `app:${key}` : `ip:${request.ip}`
    },
    max: (request) => (appOf(request)?.rateLimit ?? DEFAULT_RATE_LIMIT).max,
    timeWindow: (request) => (appOf(request)?.rateLimit ?? DEFAULT_RATE_LIMIT).windowMs,
    // CaptchaLa sends no rate-limit headers: fewer bytes on every answer.
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': true,
    },
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    errorResponseBuilder: (_request, { after }) =>
      new RequestRefused(429, 'rate_limit_exceeded', `retry in ${after}`, { valid: false }),
  })

  const secretDigests = new Map(
    [...context.apps.values()].map((app) => [app.appKey, secretDigest(app.appSecret)]),
  )

  // Authenticated before the body is read: a wrong key never reaches the parser. A callback
  // hook rather than an async one, as it runs on every request of the hot path.
  api.addHook('onRequest', (request, _reply, done) => {
    const key = request.headers['x-app-key']
    const secret = request.headers['x-app-secret']
    const app = appOf(request)
    if (!app) {
      const detail = typeof key === 'string' ? undefined : 'missing X-App-Key'
      return done(new RequestRefused(401, 'invalid_app_key', detail))
    }
    if (typeof secret !== 'string' || !secretMatches(secret, secretDigests.get(app.appKey)!)) {
      return done(new RequestRefused(401, 'invalid_app_secret'))
    }
    done()
  })

  const validateOn =
    (backup: boolean) => async (request: FastifyRequest<{ Body: ValidateBody | undefined }>) => {
      const body = requireObject(request.body)
      if (!body.pass_token)
        throw new RequestRefused(400, 'empty_token', undefined, { valid: false })
      const data = validatePassToken(
        {
          app: appOf(request)!.appKey,
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
  const validateSchema = { body: validateBody, response: validateResponse }
  api.post('/v1/validate', { schema: validateSchema }, validateOn(false))
  // The backup host answers `offline_` tokens at this path, with the same contract.
  api.post('/api/validate', { schema: validateSchema }, validateOn(true))

  api.post<{ Body: IssueBody | undefined }>(
    '/v1/server/challenge/issue',
    { schema: { body: issueBody } },
    async (request) => {
      const body = requireObject(request.body)
      if (!body.action || !new RegExp(ACTION_PATTERN).test(body.action)) {
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
        app: appOf(request)!.appKey,
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
    },
  )
}

function requireObject<T>(body: T | undefined): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestRefused(400, 'invalid_request', 'the body must be a JSON object')
  }
  return body
}
