import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { decide, selectToken, TOKEN_HEADER, type GuardOptions, type Verification } from './guard'

export type { GuardOptions, TokenSource, Verification } from './guard'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireCaptcha` once the token passed. */
    captcha?: Verification
  }
}

/**
 * A Fastify `preHandler` that lets a request through only with a valid CAPTCHA token, as
 * `request.captcha`; otherwise answers 403 `{ error: 'captcha_failed', reason }`.
 * @example app.post('/signup', { preHandler: requireCaptcha({ verify }) }, handler)
 */
export function requireCaptcha<Result extends Verification>(
  options: GuardOptions<FastifyRequest, Result>,
): preHandlerAsyncHookHandler {
  const { verify, tokenFrom } = options
  return async function captchaGuard(request: FastifyRequest, reply: FastifyReply) {
    const token = await selectToken(
      tokenFrom,
      request,
      () => {
        const header = request.headers[TOKEN_HEADER]
        return typeof header === 'string' ? header : undefined
      },
      () => request.body,
    )
    const decision = await decide(token, request, verify)
    if (!decision.pass) return reply.code(decision.refusal.status).send(decision.refusal.body)
    request.captcha = decision.result
  }
}
