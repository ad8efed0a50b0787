import type { Context, MiddlewareHandler } from 'hono'
import { decide, selectToken, TOKEN_HEADER, type GuardOptions, type Verification } from './guard'

export type { GuardOptions, TokenSource, Verification } from './guard'

/**
 * Hono middleware that lets a request through only with a valid CAPTCHA token, as
 * `c.get('captcha')`; otherwise answers 403 `{ error: 'captcha_failed', reason }`. Runs on
 * any runtime Hono does: it uses fetch and Web APIs only.
 */
export function requireCaptcha<Result extends Verification>(
  options: GuardOptions<Context, Result>,
): MiddlewareHandler<{ Variables: { captcha: Result } }> {
  const { verify, tokenFrom } = options
  return async (c, next) => {
    const token = await selectToken(
      tokenFrom,
      c,
      () => c.req.header(TOKEN_HEADER),
      () => readBody(c),
    )
    const decision = await decide(token, c, verify)
    if (!decision.pass) return c.json(decision.refusal.body, decision.refusal.status)
    c.set('captcha', decision.result)
    return next()
  }
}

/** The body as JSON or a form; Hono caches it, so the handler can still read it. */
async function readBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? ''
  try {
    if (type.includes('application/json')) return await c.req.json()
    if (type.includes('form')) return await c.req.parseBody()
  } catch {
    // An unreadable body holds no token; the guard refuses with `missing_token`.
  }
  return undefined
}
