import { appRegistry, type MockApp } from './apps'
import { systemClock, type Clock } from './clock'
import type { MockContext } from './context'
import { createSigner, signingKey } from './crypto/signing'
import { siteRegistry, type EmulatedSite } from './emulated/sites'
import { RequestRefused } from './envelope'
import { createExpiringSet } from './expiring-set'
import {
  Answer,
  fromFetchRequest,
  json,
  toFetchResponse,
  type EmulatorRequest,
} from './http/exchange'
import { preflight, withCors } from './http/respond'
import { createRouter } from './http/router'
import { emulatorPath, isProviderUrl } from './provider-hosts'
import { captchalaApiRoutes } from './routes/captchala-api'
import { captchalaBrowserRoutes } from './routes/captchala-browser'
import { emulatedWidgetRoutes } from './routes/emulated-widgets'
import { friendlyRoutes } from './routes/friendlycaptcha'
import { siteverifyRoutes } from './routes/siteverify'
import { createServerTokenStore } from './server-tokens'

export interface EmulatorOptions {
  /** Apps besides the built-in test apps; one with a test app's key replaces it. */
  apps?: readonly MockApp[]
  /** Turnstile, hCaptcha, reCAPTCHA and Friendly Captcha site keys besides the documented test keys and the demo keys. */
  sites?: readonly EmulatedSite[]
  /** Time source for every expiry; inject one in tests. */
  clock?: Clock
  /**
   * Derives the signing key: two emulators with the same seed (a page's MSW worker and your
   * Node tests, two processes) accept each other's tokens. Without one the key is random, and
   * no token outlives the emulator. Replay stores are never shared.
   */
  seed?: string
  /** Told notable events (a validation's `client_ip` that differs from the solver's). */
  log?: (line: string) => void
}

export interface HandleOptions {
  /** The caller's address, as the HTTP server sees its peer. Default `127.0.0.1`. */
  clientIp?: string
  /** Aborted when the caller goes away: a request the emulator holds (`neverReady`) ends then. */
  signal?: AbortSignal
}

/**
 * The providers' emulation in-process: state (apps and sites, signing, clock, replay stores)
 * and one Fetch API handler that every transport calls: the HTTP server (`createMockServer`,
 * the CLI), Playwright's routing (`routeProviders`) and MSW (`providerHandlers`).
 */
export interface Emulator {
  /**
   * Answers one request: at the mock server's paths, or at a provider's real URL
   * (`https://challenges.cloudflare.com/turnstile/v0/api.js`, `https://apiv1.captcha.la/v1/validate`, ...).
   */
  handle(request: Request, options?: HandleOptions): Promise<Response>
  /** Whether `url` is a provider's that the emulator answers (what the transports route to it). */
  answers(url: string | URL): boolean
  readonly clock: Clock
}

/** Answers one request as the emulator reads it: what the HTTP transport calls directly. */
export type AnswerRequest = (
  request: EmulatorRequest,
  options: { clientIp: string; signal: AbortSignal },
) => Promise<Answer>

// Each emulator's answer function, for the HTTP transport: not part of the public shape.
const answerFunctions = new WeakMap<Emulator, AnswerRequest>()

/** The emulator's own answer function, when `createEmulator` made it. */
export function answerFunctionOf(emulator: Emulator): AnswerRequest | undefined {
  return answerFunctions.get(emulator)
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const clock = options.clock ?? systemClock
  const context: MockContext = {
    apps: appRegistry(options.apps),
    clock,
    signer: createSigner(signingKey(options.seed)),
    consumedTokens: createExpiringSet(clock),
    solvedChallenges: createExpiringSet(clock),
    serverTokens: createServerTokenStore(clock),
    sites: siteRegistry(options.sites),
    redeemedSiteTokens: createExpiringSet(clock),
    idempotentAnswers: new Map(),
    log: options.log,
  }
  const router = createRouter()
  captchalaBrowserRoutes(router, context)
  captchalaApiRoutes(router, context)
  emulatedWidgetRoutes(router, context)
  siteverifyRoutes(router, context)
  friendlyRoutes(router, context)

  const notFound = (method: string, path: string) =>
    json(404, new RequestRefused(404, 'not_found', `${method} ${path}`).toEnvelope())

  const answer: AnswerRequest = async (request, { clientIp, signal }) => {
    const path = emulatorPath(request.url)
    const method = request.method.toUpperCase()
    if (method === 'OPTIONS') {
      return router.findAny(path)?.family.cors ? preflight(request) : notFound(method, path)
    }
    // HEAD is GET without the body, as HTTP servers answer it.
    const route = router.find(method === 'HEAD' ? 'GET' : method, path)
    if (!route) return notFound(method, path)
    const { family, handler } = route
    let answered: Answer
    try {
      const result = await handler({
        request,
        path,
        query: request.url.searchParams,
        clientIp,
        signal,
      })
      answered = result instanceof Answer ? result : json(200, result)
    } catch (error) {
      if (!(error instanceof RequestRefused))
        options.log?.(`internal error on ${method} ${path}: ${String(error)}`)
      answered = family.refuse(
        error instanceof RequestRefused ? error : new RequestRefused(500, 'internal_error'),
      )
    }
    return family.cors ? withCors(answered) : answered
  }

  const emulator: Emulator = {
    clock,
    answers: (url) => isProviderUrl(new URL(url)),
    async handle(request, { clientIp = '127.0.0.1', signal } = {}) {
      const answered = await answer(fromFetchRequest(request), {
        clientIp,
        signal: signal ?? request.signal,
      })
      return toFetchResponse(answered, request.method.toUpperCase())
    },
  }
  answerFunctions.set(emulator, answer)
  return emulator
}
