import { DEFAULT_TOKEN_TTL_SECONDS, type MockApp } from '../apps'
import { CAPTCHALA_ASSETS } from '../assets'
import type { MockContext } from '../context'
import { randomUuid } from '../crypto/bytes'
import { handled, RequestRefused } from '../envelope'
import { readJson } from '../http/body'
import { Answer } from '../http/exchange'
import { checkBody, type BodyRules } from '../http/fields'
import type { Incoming, Router } from '../http/router'
import { issuePassToken, type PassTokenKind } from '../pass-tokens'
import { isProofOfWork, POW_DIFFICULTY_BITS } from '../proof-of-work'
import type { ServerTokenGrant } from '../server-tokens'
import { serveAsset, sleep } from './assets'
import { CAPTCHALA_BROWSER } from './families'

const CHALLENGE_TTL_MS = 10 * 60_000
const TOKEN_KIND_BY_OUTCOME: Record<Exclude<MockApp['outcome'], undefined>, PassTokenKind> = {
  pass: 'pass',
  fail: 'pass',
  degraded: 'degraded',
  offline: 'offline',
  'client-only': 'client',
}

const JS = 'text/javascript; charset=utf-8'
const SCRIPTS: [path: string, body: string, type: string][] = [
  ['/captchala-loader.js', CAPTCHALA_ASSETS.captchalaLoader, JS],
  ['/captchala.js', CAPTCHALA_ASSETS.captchalaSdk, JS],
  ['/captchala.css', CAPTCHALA_ASSETS.captchalaCss, 'text/css; charset=utf-8'],
  ['/', CAPTCHALA_ASSETS.indexPage, 'text/html; charset=utf-8'],
]

const widgetBody: BodyRules = {
  required: ['app_key'],
  fields: {
    app_key: { type: 'string', minLength: 1, maxLength: 128 },
    action: { type: 'string', maxLength: 64 },
    server_token: { type: 'string', maxLength: 256 },
  },
}

const solveBody: BodyRules = {
  required: ['challenge', 'nonce'],
  fields: {
    challenge: { type: 'string', maxLength: 4096 },
    nonce: { type: 'string', maxLength: 64 },
  },
}

interface WidgetBody {
  app_key: string
  action?: string
  server_token?: string
}

/**
 * Everything a CaptchaLa page talks to: the loader, the SDK and its styles (with `?delay=` and
 * `?status=` for fault injection), and the widget's own API.
 */
export function captchalaBrowserRoutes(router: Router, context: MockContext) {
  for (const [path, body, type] of SCRIPTS) serveAsset(router, path, body, type)

  const appFor = (body: WidgetBody): MockApp => {
    const app = context.apps.get(body.app_key)
    if (!app) throw new RequestRefused(400, 'invalid_app_key')
    return app
  }

  /** The grant of a usable server token, null without one; refuses an unusable one. */
  const serverTokenFor = (clientIp: string, app: MockApp, token: string | undefined) => {
    if (!token) {
      if (app.requireServerToken) throw new RequestRefused(403, 'server_token_required')
      return null
    }
    const grant = context.serverTokens.check(token, app.appKey, clientIp)
    if (typeof grant === 'string') throw new RequestRefused(403, grant)
    return grant
  }

  const widgetRequest = async ({ request }: Incoming) =>
    checkBody<WidgetBody>(await readJson(request), widgetBody)

  router.add('POST', '/captchala/v1/session', CAPTCHALA_BROWSER, async (incoming) => {
    const body = await widgetRequest(incoming)
    const app = appFor(body)
    serverTokenFor(incoming.clientIp, app, body.server_token)
    if (app.neverReady) {
      // Held, not refused: a stuck provider says nothing. Ends when the caller goes away.
      await new Promise((resolve) =>
        incoming.signal.addEventListener('abort', resolve, { once: true }),
      )
      return new Answer(499, '')
    }
    if (app.delayMs) await sleep(app.delayMs, incoming.signal)
    return handled({ interactive: app.interactive !== false })
  })

  router.add('POST', '/captchala/v1/challenge', CAPTCHALA_BROWSER, async (incoming) => {
    const body = await widgetRequest(incoming)
    const app = appFor(body)
    serverTokenFor(incoming.clientIp, app, body.server_token)
    const challenge = context.signer.sign({
      typ: 'challenge',
      cid: randomUuid(),
      app: app.appKey,
      act: body.action ?? '',
      st: body.server_token ?? null,
      exp: context.clock.now() + CHALLENGE_TTL_MS,
    })
    return handled({ challenge, bits: POW_DIFFICULTY_BITS })
  })

  router.add('POST', '/captchala/v1/solve', CAPTCHALA_BROWSER, async (incoming) => {
    const { challenge, nonce } = checkBody<{ challenge: string; nonce: string }>(
      await readJson(incoming.request),
      solveBody,
    )
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
      incoming.clientIp,
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
        ip: incoming.clientIp,
        iat: now,
        exp: now + ttlSeconds * 1000,
        risk: app.interactive === false ? 3 : 8,
        referer: incoming.request.header('referer') ?? '',
        platform: 'web',
        uid: grant?.uid ?? null,
      },
      TOKEN_KIND_BY_OUTCOME[app.outcome ?? 'pass'],
    )
    return handled({ token, expires_in: ttlSeconds })
  })
}
