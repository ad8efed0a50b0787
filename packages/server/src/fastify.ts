import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { decide, selectToken, TOKEN_HEADER, type GuardOptions, type Refusal } from './guard'
import type { Verdict } from './verdict'

export type { ChallengeOptions, GuardOptions, Refusal, RefusalBody, TokenSource } from './guard'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireCaptcha` once the token passed. */
    captcha?: Verdict
  }
}

/**
 * A Fastify `preHandler` that lets a request through only with a valid CAPTCHA token, the
 * verdict as `request.captcha`; otherwise answers 403, 429 or 503 with
 * `{ error: 'captcha_failed', reason }`. Form posts need `@fastify/formbody`, multipart ones
 * `@fastify/multipart` with `attachFieldsToBody: true` (or `'keyValues'`).
 * @example app.post('/signup', { preHandler: requireCaptcha({ verifier }) }, handler)
 */
export interface FastifyGuardOptions extends GuardOptions<FastifyRequest> {
  /**
   * Answers a refused request yourself, e.g. a page instead of JSON for a plain HTML form.
   * Default: `reply.code(refusal.status).headers(refusal.headers).send(refusal.body)`.
   */
  onRefusal?: (refusal: Refusal, request: FastifyRequest, reply: FastifyReply) => unknown
}

export function requireCaptcha(options: FastifyGuardOptions): preHandlerAsyncHookHandler {
  return async function captchaGuard(request: FastifyRequest, reply: FastifyReply) {
    const token = await selectToken(
      options.tokenFrom,
      request,
      () => {
        const header = request.headers[TOKEN_HEADER]
        return typeof header === 'string' ? header : undefined
      },
      () => request.body,
    )
    const outcome = await decide(options, request, token, request.ip ?? null)
    if (!outcome.pass) {
      // An async hook that answered returns the reply, so Fastify goes no further.
      if (options.onRefusal) await options.onRefusal(outcome.refusal, request, reply)
      else
        reply
          .code(outcome.refusal.status)
          .headers(outcome.refusal.headers)
          .send(outcome.refusal.body)
      return reply
    }
    request.captcha = outcome.verdict
  }
}
