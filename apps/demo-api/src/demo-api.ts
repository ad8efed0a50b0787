import { createPolicy, getClientIp, TOKEN_HEADER, type PolicyOptions } from '@passline/server'
import formbody from '@fastify/formbody'
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify'
import { refused, type Answer, type DemoError } from './answers'
import { isCrossSite } from './cross-site'
import { CAPTCHALA_KEYS, PROVIDER_KEYS, type EmulatedProviderName } from './demo-keys'
import { formRedirect } from './form-redirect'
import { openPolicyStore } from './policy-store'
import { createSelfHosted, type SelfHostedOptions } from './self-hosted'
import { createSignup, type AccountStore } from './signup'
import { isEmail, readSignupInput } from './signup-input'
import { createDemoKeys } from './verifiers'

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
  /** Failure counts in Redis (`redis://…`), shared by every instance; default this process's memory. */
  redisUrl?: string
  /** The escalation's thresholds, window, store timeout and clock (`createPolicy`'s options). */
  policy?: Omit<PolicyOptions, 'store'>
  /** Where accounts are created: a stand-in for your database. Default a new `Set`. */
  accounts?: AccountStore
  /** ALTCHA's and Cap's secrets (default the demo's own) and difficulty (default their libraries'). */
  selfHosted?: SelfHostedOptions
}

export interface DemoApi {
  url: string
  close(): Promise<void>
}

const SIGNUP_ACTION = 'signup'
/** A signup is an email, a token of at most 8 KiB (hCaptcha's cap), a provider and a key. */
const BODY_LIMIT_BYTES = 16 * 1024

/**
 * The sample backend: `POST /api/signup` checks the CAPTCHA token with the provider the page
 * used (CaptchaLa, Turnstile, hCaptcha, reCAPTCHA, Friendly Captcha, or ALTCHA and Cap, whose
 * challenges it issues itself) before it "creates" the account;
 * `createPolicy` counts failures per client address and escalates (CaptchaLa's server-token
 * challenge, then a block); `GET /api/server-token` issues a CaptchaLa server token.
 *
 * The key picker is a showcase: the page may choose among the mock's test and demo keys, whose
 * dummy tokens pass by design. A real backend pins its one key pair from its environment and
 * never takes the key from the request.
 */
export async function createDemoApi(options: DemoApiOptions): Promise<DemoApi> {
  const emulatorUrl = options.emulatorUrl ?? options.captchalaUrl
  const opened = await openPolicyStore(options.redisUrl)
  const selfHosted = await createSelfHosted(opened.store, options.selfHosted).catch(
    async (error: unknown) => {
      await opened.close()
      throw error
    },
  )
  const keys = createDemoKeys(
    {
      captchalaUrl: options.captchalaUrl,
      emulatorUrl,
      appSecret: options.appSecret ?? 'test_secret',
    },
    selfHosted.keys,
  )
  const policy = createPolicy({ ...options.policy, store: opened.store })
  const signUp = createSignup(policy, options.accounts ?? new Set<string>())

  const server = Fastify({ bodyLimit: BODY_LIMIT_BYTES })
  // JSON and urlencoded forms only: no text/plain, which a cross-site form could send.
  server.removeContentTypeParser('text/plain')
  await server.register(formbody)
  server.setNotFoundHandler((_request, reply) => send(reply, refused('not_found')))
  // Parsing failures (too large, malformed, another type) and anything unforeseen: a code
  // from the closed list, never the error's text.
  server.setErrorHandler((error: FastifyError, request, reply) => {
    const code: DemoError =
      error.statusCode === 413
        ? 'body_too_large'
        : error.statusCode === 415
          ? 'unsupported_media_type'
          : error.statusCode === 400
            ? 'invalid_body'
            : 'internal_error'
    if (code === 'internal_error') console.error('[demo-api]', error)
    return answer(request, reply, refused(code), null)
  })

  server.get('/', async () => ({
    name: 'Passline demo backend',
    endpoints: [
      'GET /api/config',
      'POST /api/signup',
      'GET /api/server-token?action=',
      'GET /api/altcha/challenge',
      'POST /api/cap/challenge',
      'POST /api/cap/redeem',
    ],
  }))
  selfHosted.register(server)
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
        // The emulated site script, served by the mock: the widget calls the mock too.
        friendlycaptcha: {
          scriptUrl: `${emulatorUrl}/friendlycaptcha/site.min.js`,
          siteKeys: siteKeys('friendlycaptcha'),
        },
        ...selfHostedConfig(selfHosted),
      },
    }
  })

  server.get<{ Querystring: { action?: string; appKey?: string } }>(
    '/api/server-token',
    async (request, reply) => {
      const issuer = keys.find('captchala', request.query.appKey ?? 'test_pass')?.issuer
      if (!issuer) return send(reply, refused('unknown_site_key'))
      const issued = await issuer.issueServerToken(request.query.action ?? SIGNUP_ACTION, {
        bindingIp: clientIpOf(request) ?? undefined,
      })
      if (!issued.ok) return send(reply, refused('unavailable'))
      return { serverToken: issued.token, expiresIn: issued.expiresIn }
    },
  )

  // JSON from a page's script, or a plain HTML form (answered with a redirect back to the page).
  server.post('/api/signup', {
    // Before the body is read: a cross-site post is neither parsed, counted nor answered in kind.
    onRequest: async (request, reply) => {
      if (isCrossSite(request.headers)) return send(reply, refused('cross_site_request'))
    },
    handler: async (request, reply) => {
      const read = readSignupInput(request.body, request.headers[TOKEN_HEADER], keys)
      const outcome = 'input' in read ? await signUp(read.input, clientIpOf(request)) : read.refusal
      const { email } = (request.body ?? {}) as { email?: unknown }
      return answer(request, reply, outcome, isEmail(email) ? email : null)
    },
  })

  await server.listen({ port: options.port ?? 8788, host: options.host ?? '127.0.0.1' })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: async () => {
      await server.close()
      await opened.close()
    },
  }
}

/**
 * ALTCHA and Cap: their widgets from this backend, and their `siteKey`, where each widget
 * asks this backend for its challenges (paths under /api, as the pages reach it). Cap's
 * `wasmUrl` is its solver's, for `window.CAP_CUSTOM_WASM_URL`.
 */
function selfHostedConfig({ keys, wasmUrl }: Awaited<ReturnType<typeof createSelfHosted>>) {
  const entries = keys.map(({ provider, siteKey, label, scriptUrl }) => [
    provider,
    {
      scriptUrl,
      siteKeys: [{ key: siteKey, label }],
      ...(provider === 'cap' && { wasmUrl }),
    },
  ])
  return Object.fromEntries(entries) as Record<string, unknown>
}

/** JSON as it is; a form post as a redirect back to its page (Post/Redirect/Get). */
function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: Answer,
  email: string | null,
) {
  const type = request.headers['content-type'] ?? ''
  if (request.method === 'POST' && type.startsWith('application/x-www-form-urlencoded'))
    return reply.redirect(formRedirect(request.headers.referer, outcome, email), 303)
  return send(reply, outcome)
}

function send(reply: FastifyReply, { status, body }: Answer) {
  if ('retryAfter' in body && body.retryAfter) reply.header('retry-after', String(body.retryAfter))
  return reply.code(status).send(body)
}

// The demo runs behind no proxy: the socket's address is the client's.
function clientIpOf(request: FastifyRequest) {
  return getClientIp(request.raw, { trustProxy: false })
}
