import { CaptchalaClient, getClientIp } from '@passline/server'
import Fastify from 'fastify'

export interface DemoApiOptions {
  /** 0 picks a free port. Default 8788. */
  port?: number
  host?: string
  /** Where CaptchaLa (or `@passline/mock-server`) answers. */
  captchalaUrl: string
  /** The app secret; the mock's test apps all use `test_secret`. */
  appSecret?: string
  /** Failed signups from one IP before a server challenge is required. Default 3. */
  escalateAfter?: number
}

export interface DemoApi {
  url: string
  close(): Promise<void>
}

/** Test keys the page may pick. A real backend knows its one app key and trusts no other. */
const DEMO_APP_KEYS = new Set([
  'test_pass',
  'test_pass_invisible',
  'test_fail',
  'test_expire_fast',
  'test_slow',
])
const ESCALATION_UID = 'escalated'

interface SignupBody {
  email?: unknown
  token?: unknown
  appKey?: unknown
}

/**
 * The sample backend: `POST /api/signup` validates the CAPTCHA token before it "creates" the
 * account (in memory); `GET /api/server-token` issues a server challenge token; after
 * repeated failures from one IP (bad tokens, emails already taken), signup answers
 * `challenge_required` with a server token, and only a token solved with it passes.
 */
export async function createDemoApi(options: DemoApiOptions): Promise<DemoApi> {
  const appSecret = options.appSecret ?? 'test_secret'
  const escalateAfter = options.escalateAfter ?? 3
  const clients = new Map(
    [...DEMO_APP_KEYS].map((appKey) => [
      appKey,
      new CaptchalaClient({ appKey, appSecret, baseUrl: options.captchalaUrl }),
    ]),
  )
  const failuresByIp = new Map<string, number>()
  const accounts = new Set<string>()
  const server = Fastify()

  server.get('/', async () => ({
    name: 'Passline demo backend',
    endpoints: ['GET /api/config', 'POST /api/signup', 'GET /api/server-token?action='],
  }))
  server.get('/api/config', async () => ({
    loaderUrl: `${options.captchalaUrl}/captchala-loader.js`,
  }))

  server.get<{ Querystring: { action?: string; appKey?: string } }>(
    '/api/server-token',
    async (request, reply) => {
      const client = clients.get(request.query.appKey ?? 'test_pass')
      if (!client) return reply.code(400).send({ error: 'unknown_app_key' })
      const issued = await client.issueServerToken(request.query.action ?? 'signup', {
        bindingIp: clientIpOf(request.raw) ?? undefined,
      })
      if (!issued.ok) return reply.code(502).send({ error: issued.error })
      return { serverToken: issued.token, expiresIn: issued.expiresIn }
    },
  )

  server.post<{ Body: SignupBody | undefined }>('/api/signup', async (request, reply) => {
    const { email, token, appKey } = request.body ?? {}
    if (typeof email !== 'string' || !email.includes('@')) {
      return reply.code(400).send({ error: 'invalid_email' })
    }
    const client = clients.get(typeof appKey === 'string' ? appKey : 'test_pass')
    if (!client) return reply.code(400).send({ error: 'unknown_app_key' })
    const ip = clientIpOf(request.raw) ?? 'unknown'
    const escalated = (failuresByIp.get(ip) ?? 0) >= escalateAfter

    const result = await client.validate(token, { clientIp: ip, expectedAction: 'signup' })
    // Once escalated, only a token solved with the server token we issued will do.
    const passed = result.valid && (!escalated || result.uid === ESCALATION_UID)
    const refusal = !passed
      ? {
          status: 403,
          error: 'captcha_failed',
          reason: result.valid ? 'server_challenge_missing' : (result.error ?? 'invalid_token'),
        }
      : accounts.has(email)
        ? { status: 409, error: 'email_taken', reason: 'email_taken' }
        : null
    if (!refusal) {
      accounts.add(email)
      failuresByIp.delete(ip)
      return reply.code(201).send({ ok: true, account: { email } })
    }

    // Repeated failures from one address (bad tokens, probing for taken emails) escalate.
    const failures = (failuresByIp.get(ip) ?? 0) + 1
    failuresByIp.set(ip, failures)
    if (failures < escalateAfter)
      return reply.code(refusal.status).send({ error: refusal.error, reason: refusal.reason })
    const issued = await client.issueServerToken('signup', {
      bindingIp: ip,
      bindUid: ESCALATION_UID,
    })
    if (!issued.ok)
      return reply.code(503).send({ error: 'captcha_unavailable', reason: issued.error })
    return reply
      .code(403)
      .send({ error: 'challenge_required', reason: refusal.reason, serverToken: issued.token })
  })

  await server.listen({ port: options.port ?? 8788, host: options.host ?? '127.0.0.1' })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return { url: `http://${options.host ?? '127.0.0.1'}:${port}`, close: () => server.close() }
}

// The demo runs behind no proxy: the socket's address is the client's.
function clientIpOf(raw: Parameters<typeof getClientIp>[0]) {
  return getClientIp(raw, { trustProxy: false })
}
