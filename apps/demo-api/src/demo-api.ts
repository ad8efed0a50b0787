import {
  CaptchalaClient,
  getClientIp,
  verifyHcaptcha,
  verifyRecaptcha,
  verifyTurnstile,
  type VerifyResult,
} from '@passline/server'
import formbody from '@fastify/formbody'
import Fastify from 'fastify'
import {
  CAPTCHALA_KEYS,
  PROVIDER_KEYS,
  type DemoSiteKey,
  type EmulatedProviderName,
} from './demo-keys'

export interface DemoApiOptions {
  /** 0 picks a free port. Default 8788. */
  port?: number
  host?: string
  /** Where CaptchaLa (or `@passline/mock-server`) answers. */
  captchalaUrl: string
  /** Where Turnstile, hCaptcha and reCAPTCHA answer, under `/turnstile`, `/hcaptcha`, `/recaptcha`: the mock. Default `captchalaUrl`. */
  emulatorUrl?: string
  /** The app secret; the mock's test apps all use `test_secret`. */
  appSecret?: string
  /** Failed CaptchaLa signups from one IP before a server challenge is required. Default 3. */
  escalateAfter?: number
}

export interface DemoApi {
  url: string
  close(): Promise<void>
}

const ESCALATION_UID = 'escalated'
const SIGNUP_ACTION = 'signup'
const MIN_V3_SCORE = 0.5

interface SignupBody {
  email?: unknown
  /** The one name for the token, in JSON and in form posts alike. */
  captchaToken?: unknown
  provider?: unknown
  siteKey?: unknown
  /** The CaptchaLa app key, as older pages send it. */
  appKey?: unknown
}

interface Verdict {
  passed: boolean
  reason?: string
}

/**
 * The sample backend: `POST /api/signup` checks the CAPTCHA token with the provider the page
 * used (CaptchaLa, Turnstile, hCaptcha or reCAPTCHA) before it "creates" the account (in
 * memory); `GET /api/server-token` issues a CaptchaLa server challenge token; after repeated
 * failures from one IP with any provider (bad tokens, emails already taken), signup answers
 * `challenge_required`: with CaptchaLa a server token comes along, and only a token solved with
 * it passes and clears the count; the other providers have no such flow, so they are refused
 * until then, and their successes never clear it.
 *
 * The key picker is a showcase: the page may choose among the mock's test and demo keys, whose
 * dummy tokens pass by design. A real backend pins its one key pair from its environment and
 * never takes the key from the request.
 */
export async function createDemoApi(options: DemoApiOptions): Promise<DemoApi> {
  const appSecret = options.appSecret ?? 'test_secret'
  const emulatorUrl = options.emulatorUrl ?? options.captchalaUrl
  const escalateAfter = options.escalateAfter ?? 3
  const clients = new Map(
    CAPTCHALA_KEYS.map((appKey) => [
      appKey,
      new CaptchalaClient({
        appKey,
        appSecret,
        baseUrl: options.captchalaUrl,
        // The mock answers the backup host's path too, for `offline_` tokens.
        backupUrl: options.captchalaUrl,
      }),
    ]),
  )
  const failuresByIp = new Map<string, number>()
  const accounts = new Set<string>()
  const server = Fastify()
  await server.register(formbody)

  /** Turnstile, hCaptcha or reCAPTCHA through its siteverify; secrets stay here. */
  const siteverify = async (
    provider: EmulatedProviderName,
    key: DemoSiteKey,
    token: unknown,
    remoteIp: string,
  ): Promise<Verdict> => {
    const common = {
      secret: key.secret,
      token,
      remoteIp,
      expectedAction: key.checksAction ? SIGNUP_ACTION : undefined,
    }
    let result: VerifyResult
    if (provider === 'turnstile')
      result = await verifyTurnstile({ ...common, url: `${emulatorUrl}/turnstile/v0/siteverify` })
    else if (provider === 'hcaptcha')
      result = await verifyHcaptcha({
        ...common,
        sitekey: key.key,
        url: `${emulatorUrl}/hcaptcha/siteverify`,
      })
    else
      result = await verifyRecaptcha({
        ...common,
        minScore: key.version === 'v3' ? MIN_V3_SCORE : undefined,
        url: `${emulatorUrl}/recaptcha/api/siteverify`,
      })
    return result.success ? { passed: true } : { passed: false, reason: result.errorCodes[0] }
  }

  server.get('/', async () => ({
    name: 'Passline demo backend',
    endpoints: ['GET /api/config', 'POST /api/signup', 'GET /api/server-token?action='],
  }))
  // What a page needs to render each provider: script URLs and the keys it may pick, never secrets.
  server.get('/api/config', async () => {
    const siteKeys = (provider: EmulatedProviderName) =>
      PROVIDER_KEYS[provider].map(({ key, label, version }) => ({ key, label, version }))
    return {
      loaderUrl: `${options.captchalaUrl}/captchala-loader.js`,
      providers: {
        captchala: {
          scriptUrl: `${options.captchalaUrl}/captchala-loader.js`,
          siteKeys: CAPTCHALA_KEYS.map((key) => ({ key, label: key })),
        },
        turnstile: {
          scriptUrl: `${emulatorUrl}/turnstile/v0/api.js`,
          siteKeys: siteKeys('turnstile'),
        },
        hcaptcha: { scriptUrl: `${emulatorUrl}/hcaptcha/1/api.js`, siteKeys: siteKeys('hcaptcha') },
        recaptcha: {
          scriptUrl: `${emulatorUrl}/recaptcha/api.js`,
          siteKeys: siteKeys('recaptcha'),
        },
      },
    }
  })

  server.get<{ Querystring: { action?: string; appKey?: string } }>(
    '/api/server-token',
    async (request, reply) => {
      const client = clients.get(request.query.appKey ?? 'test_pass')
      if (!client) return reply.code(400).send({ error: 'unknown_app_key' })
      const issued = await client.issueServerToken(request.query.action ?? SIGNUP_ACTION, {
        bindingIp: clientIpOf(request.raw) ?? undefined,
      })
      if (!issued.ok) return reply.code(502).send({ error: issued.error })
      return { serverToken: issued.token, expiresIn: issued.expiresIn }
    },
  )

  // JSON from a page's script; a plain HTML form posts form-encoded, and gets its answer as a
  // redirect back to the page (Post/Redirect/Get, see answerForm).
  server.post<{ Body: SignupBody | undefined }>('/api/signup', async (request, reply) => {
    const outcome = await signup(request.body ?? {}, clientIpOf(request.raw) ?? 'unknown')
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
      return reply.code(outcome.status).send(outcome.body)
    return reply.redirect(answerForm(request.headers.referer, outcome, request.body?.email), 303)
  })

  async function signup(body: SignupBody, ip: string): Promise<SignupAnswer> {
    const { email, captchaToken: token, provider = 'captchala' } = body
    const siteKey = body.siteKey ?? body.appKey ?? 'test_pass'
    if (typeof email !== 'string' || !email.includes('@')) {
      return answer(400, { error: 'invalid_email' })
    }
    const client = provider === 'captchala' ? clients.get(siteKey as string) : undefined
    const providerKey = Object.hasOwn(PROVIDER_KEYS, provider as string)
      ? PROVIDER_KEYS[provider as EmulatedProviderName].find((entry) => entry.key === siteKey)
      : undefined
    if (!client && !providerKey) return answer(400, { error: 'unknown_site_key' })
    // Failures count per client whatever the provider, so switching providers escapes nothing.
    const escalated = (failuresByIp.get(ip) ?? 0) >= escalateAfter
    // Escalation is CaptchaLa's server-token flow; another provider cannot answer it, and an
    // always-pass test key must not be a way around it.
    if (escalated && !client)
      return answer(403, { error: 'challenge_required', reason: 'escalated' })

    let verdict: Verdict
    if (client) {
      const result = await client.validate(token, { clientIp: ip, expectedAction: SIGNUP_ACTION })
      // Once escalated, only a token solved with the server token we issued will do.
      verdict =
        result.valid && (!escalated || result.uid === ESCALATION_UID)
          ? { passed: true }
          : {
              passed: false,
              reason: result.valid ? 'server_challenge_missing' : (result.error ?? 'invalid_token'),
            }
    } else {
      verdict = await siteverify(provider as EmulatedProviderName, providerKey!, token, ip)
    }
    const refusal = !verdict.passed
      ? { status: 403, error: 'captcha_failed', reason: verdict.reason ?? 'invalid_token' }
      : accounts.has(email)
        ? { status: 409, error: 'email_taken', reason: 'email_taken' }
        : null
    if (!refusal) {
      accounts.add(email)
      // Only CaptchaLa's stronger check clears the count: a free pass elsewhere proves nothing.
      if (client) failuresByIp.delete(ip)
      return answer(201, { ok: true, account: { email } })
    }

    // Repeated failures from one address (bad tokens, probing for taken emails) escalate.
    const failures = (failuresByIp.get(ip) ?? 0) + 1
    failuresByIp.set(ip, failures)
    if (failures < escalateAfter || !client)
      return answer(refusal.status, { error: refusal.error, reason: refusal.reason })
    const issued = await client.issueServerToken(SIGNUP_ACTION, {
      bindingIp: ip,
      bindUid: ESCALATION_UID,
    })
    if (!issued.ok) return answer(503, { error: 'captcha_unavailable', reason: issued.error })
    return answer(403, {
      error: 'challenge_required',
      reason: refusal.reason,
      serverToken: issued.token,
    })
  }

  await server.listen({ port: options.port ?? 8788, host: options.host ?? '127.0.0.1' })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return { url: `http://${options.host ?? '127.0.0.1'}:${port}`, close: () => server.close() }
}

interface SignupAnswer {
  status: number
  body: Record<string, unknown>
}

const answer = (status: number, body: Record<string, unknown>): SignupAnswer => ({ status, body })

/**
 * Where a form post is sent back to: the posting page (its path and query only, so never
 * another site) with the outcome in the query — `signup=created|refused`, the `email` posted
 * (so the form keeps it), and `error`, `reason`, `serverToken` as they apply — for the page
 * to show.
 */
function answerForm(
  referer: string | undefined,
  { status, body }: SignupAnswer,
  email: unknown,
): string {
  const back = new URL(referer ?? '/', 'http://page.invalid')
  const query = back.searchParams
  for (const key of ['signup', 'email', 'error', 'reason', 'serverToken']) query.delete(key)
  query.set('signup', status === 201 ? 'created' : 'refused')
  if (typeof email === 'string') query.set('email', email)
  for (const key of ['error', 'reason', 'serverToken']) {
    if (typeof body[key] === 'string') query.set(key, body[key])
  }
  return `${back.pathname}?${query}`
}

// The demo runs behind no proxy: the socket's address is the client's.
function clientIpOf(raw: Parameters<typeof getClientIp>[0]) {
  return getClientIp(raw, { trustProxy: false })
}
