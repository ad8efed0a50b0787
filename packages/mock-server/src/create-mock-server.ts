import cors from '@fastify/cors'
import Fastify, { type FastifyError } from 'fastify'
import { appRegistry, type MockApp } from './apps'
import { systemClock, type Clock } from './clock'
import type { MockContext } from './context'
import { RequestRefused } from './envelope'
import { siteRegistry, type EmulatedSite } from './emulated/sites'
import { createExpiringSet } from './expiring-set'
import { browserRoutes } from './routes/browser'
import { emulatedBrowserRoutes, siteverifyRoutes } from './routes/emulated'
import { serverApiRoutes } from './routes/server-api'
import { createServerTokenStore } from './server-tokens'
import { createSigner } from './signing'

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Default `127.0.0.1`. */
  host?: string
  /** Apps besides the built-in test apps; one with a test app's key replaces it. */
  apps?: readonly MockApp[]
  /** Turnstile, hCaptcha and reCAPTCHA site keys besides the documented test keys and the demo keys. */
  sites?: readonly EmulatedSite[]
  /** Time source for every expiry; inject one in tests. */
  clock?: Clock
  /** Called with one line per request (`POST /v1/validate 200 1.2ms`). */
  log?: (line: string) => void
}

export interface MockServer {
  /** `http://host:port`, without a trailing slash. */
  url: string
  close(): Promise<void>
}

const BODY_LIMIT_BYTES = 16 * 1024

/** Fastify's own error codes for bodies it cannot read, as the envelope's error codes. */
const PARSE_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_request'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_request'],
}

/**
 * Starts the CaptchaLa emulator: the browser SDK with a real widget, and the server API with
 * CaptchaLa's paths, envelope and error codes.
 */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const clock = options.clock ?? systemClock
  const context: MockContext = {
    apps: appRegistry(options.apps),
    clock,
    signer: createSigner(),
    consumedTokens: createExpiringSet(clock),
    solvedChallenges: createExpiringSet(clock),
    serverTokens: createServerTokenStore(clock),
    sites: siteRegistry(options.sites),
    redeemedSiteTokens: createExpiringSet(clock),
    idempotentAnswers: new Map(),
    log: options.log,
  }

  const server = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // A wrong type is a 400, never silently coerced into a right one.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    return503OnClosing: false,
    forceCloseConnections: true,
  })

  // Only JSON bodies are spoken here; anything else is a 415, not a string to validate.
  server.removeContentTypeParser('text/plain')

  server.setErrorHandler((error: FastifyError | RequestRefused, request, reply) => {
    if (error instanceof RequestRefused) return reply.code(error.status).send(error.toEnvelope())
    const parse = error.code ? PARSE_ERRORS[error.code] : undefined
    const refused = error.validation
      ? new RequestRefused(
          400,
          'invalid_request',
          `${error.validationContext ?? 'request'} ${error.validation[0]?.instancePath ?? ''} ${error.validation[0]?.message ?? ''}`
            .replace(/\s+/g, ' ')
            .trim(),
        )
      : parse
        ? new RequestRefused(parse[0], parse[1], error.message)
        : error.statusCode && error.statusCode < 500
          ? new RequestRefused(error.statusCode, 'invalid_request', error.message)
          : null
    if (refused) return reply.code(refused.status).send(refused.toEnvelope())
    request.log.error(error)
    return reply
      .code(500)
      .send({ code: 500, msg: 'internal_error', data: { error: 'internal_error' } })
  })
  server.setNotFoundHandler((request, reply) => {
    const refused = new RequestRefused(404, 'not_found', `${request.method} ${request.url}`)
    return reply.code(404).send(refused.toEnvelope())
  })

  if (options.log) {
    const log = options.log
    server.addHook('onResponse', async (request, reply) => {
      log(`${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`)
    })
  }

  // What pages load and call answers CORS requests from any origin, as the providers do for
  // their customers' sites; the server-to-server APIs do not.
  await server.register(async (browser) => {
    await browser.register(cors, { origin: '*', methods: ['GET', 'POST'] })
    await browser.register((scope) => browserRoutes(scope, context))
    await browser.register((scope) => emulatedBrowserRoutes(scope, context))
  })
  await server.register((scope) => serverApiRoutes(scope, context))
  await server.register((scope) => siteverifyRoutes(scope, context))

  const host = options.host ?? '127.0.0.1'
  await server.listen({ port: options.port ?? 0, host })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}`,
    close: () => server.close(),
  }
}
