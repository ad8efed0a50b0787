import type { FastifyInstance, FastifyRequest } from 'fastify'
import { readAsset } from '../assets'
import type { MockContext } from '../context'
import { RequestRefused } from '../envelope'
import { mintSiteToken } from '../emulated/site-tokens'
import { siteverify, type SiteverifyFields } from '../emulated/siteverify'
import { PROVIDER_TOKEN_TTL_SECONDS, type EmulatedProvider } from '../emulated/sites'
import { serveAsset } from './script-route'

/** Each provider's script path (as on its CDN, under the provider's name) and global. */
const PROVIDERS: Record<EmulatedProvider, { script: string; global: string; siteverify: string }> =
  {
    turnstile: {
      script: '/turnstile/v0/api.js',
      global: 'turnstile',
      siteverify: '/turnstile/v0/siteverify',
    },
    hcaptcha: {
      script: '/hcaptcha/1/api.js',
      global: 'hcaptcha',
      siteverify: '/hcaptcha/siteverify',
    },
    recaptcha: {
      script: '/recaptcha/api.js',
      global: 'grecaptcha',
      siteverify: '/recaptcha/api/siteverify',
    },
  }

/** The browser-side codes each provider reports for an unknown site key and a failed challenge. */
const WIDGET_ERRORS: Record<EmulatedProvider, { sitekey: string; failed: string; input: string }> =
  {
    turnstile: { sitekey: '110100', failed: '600010', input: '110420' },
    hcaptcha: { sitekey: 'invalid-data', failed: 'challenge-error', input: 'invalid-data' },
    recaptcha: { sitekey: 'invalid-site-key', failed: 'challenge-error', input: 'invalid-action' },
  }

// Turnstile: action up to 32 and cData up to 255 of [A-Za-z0-9_-]; reCAPTCHA v3: [A-Za-z0-9/_].
const INPUT_RULES: Record<EmulatedProvider, { action: RegExp; cdata: RegExp }> = {
  turnstile: { action: /^[A-Za-z0-9_-]{0,32}$/, cdata: /^[A-Za-z0-9_-]{0,255}$/ },
  hcaptcha: { action: /^.{0,64}$/, cdata: /^.{0,255}$/ },
  recaptcha: { action: /^[A-Za-z0-9/_]{0,100}$/, cdata: /^$/ },
}

const widgetBody = {
  type: 'object',
  required: ['sitekey'],
  properties: {
    sitekey: { type: 'string', minLength: 1, maxLength: 128 },
    action: { type: 'string', maxLength: 256 },
    cdata: { type: 'string', maxLength: 512 },
    version: { type: 'string', enum: ['v2', 'v3'] },
  },
} as const

interface WidgetBody {
  sitekey: string
  action?: string
  cdata?: string
  version?: 'v2' | 'v3'
}

/** The page's hostname, as the provider sees it from the widget's frame. */
function pageHostname(request: FastifyRequest): string {
  const page = request.headers.origin ?? request.headers.referer
  try {
    return page ? new URL(page).hostname : ''
  } catch {
    return ''
  }
}

/**
 * Turnstile, hCaptcha and reCAPTCHA in the browser: each one's script with its global (built
 * from the shared widget and the provider's API), and the widget's calls to this server.
 * Registered where CORS is open.
 */
export async function emulatedBrowserRoutes(scope: FastifyInstance, context: MockContext) {
  const widget = readAsset('emulated/widget.js')
  for (const [provider, { script, global }] of Object.entries(PROVIDERS)) {
    const api = readAsset(`emulated/${provider}.js`)
    // One function per script, so the shared helpers stay off the page's globals, and a
    // second copy on the page leaves the first one in place, as the real scripts do.
    const body = `;(function () {\n'use strict'\nif (window.${global}) return\n${widget}\n${api}\n})()\n`
    serveAsset(scope, script, body, 'text/javascript; charset=utf-8')
  }

  await scope.register(async (widgetApi) => {
    widgetApi.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
      // The widget API answers `{ error }` with the provider's code, not CaptchaLa's envelope.
      if (error instanceof RequestRefused)
        return reply.code(error.status).send({ error: error.error })
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500
      return reply.code(status).send({ error: 'bad-request', message: error.message })
    })

    for (const provider of Object.keys(PROVIDERS) as EmulatedProvider[]) {
      const codes = WIDGET_ERRORS[provider]
      const siteFor = (body: WidgetBody) => {
        const site = context.sites.site(provider, body.sitekey)
        if (!site) throw new RequestRefused(400, codes.sitekey)
        // A v2 key cannot answer execute(siteKey), nor a v3 key draw a widget.
        if (provider === 'recaptcha' && (site.version ?? 'v2') !== (body.version ?? 'v2'))
          throw new RequestRefused(400, codes.sitekey)
        return site
      }

      widgetApi.post<{ Body: WidgetBody }>(
        `/${provider}/mock/session`,
        { schema: { body: widgetBody } },
        async (request) => {
          const site = siteFor(request.body)
          return { interactive: site.interactive !== false, test: Boolean(site.dummyToken) }
        },
      )

      widgetApi.post<{ Body: WidgetBody }>(
        `/${provider}/mock/solve`,
        { schema: { body: widgetBody } },
        async (request) => {
          const site = siteFor(request.body)
          const { action = '', cdata = '' } = request.body
          const rules = INPUT_RULES[provider]
          if (!rules.action.test(action) || !rules.cdata.test(cdata))
            throw new RequestRefused(400, codes.input)
          if (site.outcome === 'fail') throw new RequestRefused(403, codes.failed)
          const ttl = site.tokenTtlSeconds ?? PROVIDER_TOKEN_TTL_SECONDS[provider]
          if (site.dummyToken) return { token: site.dummyToken, expires_in: ttl }
          const now = context.clock.now()
          const token = mintSiteToken(context.signer, site, {
            action,
            cdata,
            hostname: pageHostname(request),
            issuedAt: now,
            expiresAt: now + ttl * 1000,
          })
          return { token, expires_in: ttl }
        },
      )
    }
  })
}

/** Each provider's siteverify, with its request encoding, fields and error codes. */
export async function siteverifyRoutes(verifyApi: FastifyInstance, context: MockContext) {
  // Siteverify is a form POST (Turnstile also takes JSON); reCAPTCHA also answers GET.
  verifyApi.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  )
  verifyApi.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400
    return reply.code(status).send({ success: false, 'error-codes': ['bad-request'] })
  })

  const verifyContext = {
    sites: context.sites,
    signer: context.signer,
    clock: context.clock,
    redeemed: context.redeemedSiteTokens,
    idempotent: context.idempotentAnswers,
  }
  const answer = (provider: EmulatedProvider, fields: unknown) => {
    const parsed = readFields(fields)
    return parsed
      ? siteverify(provider, parsed, verifyContext)
      : { success: false, 'error-codes': ['bad-request'] }
  }

  for (const [provider, { siteverify: path }] of Object.entries(PROVIDERS) as [
    EmulatedProvider,
    (typeof PROVIDERS)[EmulatedProvider],
  ][]) {
    verifyApi.post(path, async (request) => answer(provider, request.body ?? {}))
    if (provider === 'recaptcha')
      verifyApi.get(path, async (request) => answer(provider, request.query))
  }
}

const FIELDS = ['secret', 'response', 'remoteip', 'sitekey', 'idempotency_key'] as const

/** The known fields as strings; null when one is there but not a string. */
function readFields(body: unknown): SiteverifyFields | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  const fields: SiteverifyFields = {}
  for (const name of FIELDS) {
    const value = (body as Record<string, unknown>)[name]
    if (value === undefined) continue
    if (typeof value !== 'string') return null
    fields[name] = value
  }
  return fields
}
