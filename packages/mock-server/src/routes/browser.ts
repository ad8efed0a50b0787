import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DEFAULT_TOKEN_TTL_SECONDS, type MockApp } from '../apps'
import { readAsset } from '../assets'
import type { MockContext } from '../context'
import { handled, RequestRefused } from '../envelope'
import { issuePassToken, type PassTokenKind } from '../pass-tokens'
import { isProofOfWork, POW_DIFFICULTY_BITS } from '../proof-of-work'
import type { ServerTokenGrant } from '../server-tokens'
import { serveAsset } from './script-route'

const CHALLENGE_TTL_MS = 10 * 60_000
const TOKEN_KIND_BY_OUTCOME: Record<Exclude<MockApp['outcome'], undefined>, PassTokenKind> = {
  pass: 'pass',
  fail: 'pass',
  degraded: 'degraded',
  offline: 'offline',
  'client-only': 'client',
}

const SCRIPTS = {
  '/captchala-loader.js': { file: 'captchala-loader.js', type: 'text/javascript; charset=utf-8' },
  '/captchala.js': { file: 'captchala.js', type: 'text/javascript; charset=utf-8' },
  '/captchala.css': { file: 'captchala.css', type: 'text/css; charset=utf-8' },
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
} as const

const widgetBody = {
  type: 'object',
  required: ['app_key'],
  properties: {
    app_key: { type: 'string', minLength: 1, maxLength: 128 },
    action: { type: 'string', maxLength: 64 },
    server_token: { type: 'string', maxLength: 256 },
  },
} as const

const solveBody = {
  type: 'object',
  required: ['challenge', 'nonce'],
  properties: {
    challenge: { type: 'string', maxLength: 4096 },
    nonce: { type: 'string', maxLength: 64 },
  },
} as const

interface WidgetBody {
  app_key: string
  action?: string
  server_token?: string
}

/**
 * Everything a CaptchaLa page talks to: the loader, the SDK and its styles (with `?delay=` and
 * `?status=` for fault injection), and the widget's own API. Registered where CORS is open.
 */
export async function browserRoutes(scope: FastifyInstance, context: MockContext) {
  for (const [path, { file, type }] of Object.entries(SCRIPTS)) {
    serveAsset(scope, path, readAsset(file), type)
  }

  const appFor = (body: WidgetBody): MockApp => {
    const app = context.apps.get(body.app_key)
    if (!app) throw new RequestRefused(400, 'invalid_app_key')
    return app
  }

  /** The grant of a usable server token, null without one; refuses an unusable one. */
  const serverTokenFor = (request: FastifyRequest, app: MockApp, token: string | undefined) => {
    if (!token) {
      if (app.requireServerToken) throw new RequestRefused(403, 'server_token_required')
      return null
    }
    const grant = context.serverTokens.check(token, app.appKey, request.ip)
    if (typeof grant === 'string') throw new RequestRefused(403, grant)
    return grant
  }

  scope.post<{ Body: WidgetBody }>(
    '/captchala/v1/session',
    { schema: { body: widgetBody } },
    async (request, reply) => {
      const app = appFor(request.body)
      serverTokenFor(request, app, request.body.server_token)
      if (app.neverReady) {
        // Held, not refused: a stuck provider says nothing. Ends when the socket closes.
        await once(reply.raw, 'close')
        return reply
      }
      if (app.delayMs) await sleep(app.delayMs)
      return handled({ interactive: app.interactive !== false })
    },
  )

  scope.post<{ Body: WidgetBody }>(
    '/captchala/v1/challenge',
    { schema: { body: widgetBody } },
    async (request) => {
      const app = appFor(request.body)
      serverTokenFor(request, app, request.body.server_token)
      const challenge = context.signer.sign({
        typ: 'challenge',
        cid: randomUUID(),
        app: app.appKey,
        act: request.body.action ?? '',
        st: request.body.server_token ?? null,
        exp: context.clock.now() + CHALLENGE_TTL_MS,
      })
      return handled({ challenge, bits: POW_DIFFICULTY_BITS })
    },
  )

  scope.post<{ Body: { challenge: string; nonce: string } }>(
    '/captchala/v1/solve',
    { schema: { body: solveBody } },
    async (request) => {
      const { challenge, nonce } = request.body
      const claims = context.signer.open(challenge)
      if (!claims || claims.typ !== 'challenge' || typeof claims.cid !== 'string') {
        throw new RequestRefused(400, 'challenge_invalid')
      }
      const now = context.clock.now()
      if (typeof claims.exp !== 'number' || claims.exp <= now)
        throw new RequestRefused(403, 'challenge_expired')
      if (!isProofOfWork(challenge, nonce, POW_DIFFICULTY_BITS))
        throw new RequestRefused(403, 'invalid_answer')
      const app = context.apps.get(String(claims.app))
      if (!app) throw new RequestRefused(400, 'invalid_app_key')
      const grant: ServerTokenGrant | null = serverTokenFor(
        request,
        app,
        (claims.st as string | null) ?? undefined,
      )
      if (!context.solvedChallenges.add(claims.cid, claims.exp))
        throw new RequestRefused(403, 'challenge_invalid')
      if (app.outcome === 'fail') throw new RequestRefused(403, 'challenge_failed')
      if (grant) context.serverTokens.use(grant)

      const ttlSeconds = app.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS
      const token = issuePassToken(
        context.signer,
        {
          jti: claims.cid,
          app: app.appKey,
          act: String(claims.act ?? ''),
          ip: request.ip,
          iat: now,
          exp: now + ttlSeconds * 1000,
          risk: app.interactive === false ? 3 : 8,
          referer: request.headers.referer ?? '',
          platform: 'web',
          uid: grant?.uid ?? null,
        },
        TOKEN_KIND_BY_OUTCOME[app.outcome ?? 'pass'],
      )
      return handled({ token, expires_in: ttlSeconds })
    },
  )
}
