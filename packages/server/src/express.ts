import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { decide, selectToken, TOKEN_HEADER, type GuardOptions, type Refusal } from './guard'
import { DEFAULT_MAX_BODY_BYTES, parseBody } from './read-token'
import type { Verdict } from './verdict'

export type { ChallengeOptions, GuardOptions, Refusal, RefusalBody, TokenSource } from './guard'

/** A request that passed `requireCaptcha`: the verdict is on `captcha`. */
export interface CaptchaRequest extends Request {
  captcha: Verdict
}

export interface ExpressGuardOptions extends GuardOptions<Request> {
  /**
   * When no body parser ran before the guard (`req.body` unset), it reads a JSON, urlencoded
   * or multipart body itself, up to this many bytes (default 1 MiB), and sets `req.body` to
   * it (a form's text fields; files are dropped: put multer before the guard for those). A
   * longer body holds no token: the guard stops keeping it at the cap (the rest is read off
   * the connection and discarded) and refuses with `missing_token`.
   */
  maxBodyBytes?: number
  /**
   * Answers a refused request yourself, e.g. a page instead of JSON for a plain HTML form.
   * Default: `res.status(refusal.status).set(refusal.headers).json(refusal.body)`.
   */
  onRefusal?: (refusal: Refusal, req: Request, res: Response) => void
}

/**
 * Express middleware that lets a request through only with a valid CAPTCHA token, the
 * verdict as `req.captcha` (typed by `CaptchaRequest`) and `res.locals.captcha`; otherwise
 * answers 403, 429 or 503 with `{ error: 'captcha_failed', reason }`. Reads the token from
 * the `X-Captcha-Token` header, else the body: after `express.json()`/`express.urlencoded()`,
 * or by itself when no parser ran.
 */
export function requireCaptcha(options: ExpressGuardOptions): RequestHandler {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  return (request: Request, response: Response, next: NextFunction) => {
    // Read before the body: the peer's address belongs to the connection.
    const ip = request.ip ?? null
    selectToken(
      options.tokenFrom,
      request,
      () => request.get(TOKEN_HEADER),
      async () => (request.body ??= await readOwnBody(request, maxBodyBytes)),
    )
      .then((token) => decide(options, request, token, ip))
      .then((outcome) => {
        if (!outcome.pass) {
          if (options.onRefusal) return options.onRefusal(outcome.refusal, request, response)
          const { status, headers, body } = outcome.refusal
          return void response.status(status).set(headers).json(body)
        }
        ;(request as CaptchaRequest).captcha = outcome.verdict
        response.locals.captcha = outcome.verdict
        next()
      })
      .catch(next)
  }
}

/** The body no parser read: JSON or a form, at most `maxBytes`; undefined otherwise. */
async function readOwnBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.get('content-type')
  if (!type || request.readableEnded) return undefined
  const bytes = await readAtMost(request, maxBytes)
  if (!bytes) return undefined
  const parsed = await parseBody(new Response(bytes, { headers: { 'content-type': type } }))
  if (!(parsed instanceof FormData)) return parsed
  const fields: Record<string, string> = {}
  parsed.forEach((value, name) => {
    if (typeof value === 'string') fields[name] ??= value
  })
  return fields
}

/**
 * The request's body if it is at most `maxBytes` long; undefined past that, or when the
 * client went away. Past the cap nothing more is kept: the rest is read off the connection
 * and dropped (as Express's own body parsers do), so the socket stays open for the answer
 * and the connection stays usable. (Leaving a `for await` over the request early would
 * destroy it, and the socket with it, before anything is answered.)
 */
function readAtMost(request: Request, maxBytes: number): Promise<Buffer<ArrayBuffer> | undefined> {
  return new Promise((resolve) => {
    const declared = Number(request.get('content-length'))
    if (declared > maxBytes) {
      request.resume()
      return resolve(undefined)
    }
    const chunks: Buffer[] = []
    let size = 0
    const settle = (body: Buffer<ArrayBuffer> | undefined) => {
      request.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onError)
      resolve(body)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      chunks.length = 0
      settle(undefined)
      request.resume() // flowing, with no listener: what is left is discarded
    }
    const onEnd = () => settle(Buffer.concat(chunks))
    const onClose = () => settle(undefined)
    // A client that goes away mid-body is no token; its error must not go unhandled.
    const onError = () => settle(undefined)
    request.on('data', onData).once('end', onEnd).once('close', onClose).once('error', onError)
  })
}
