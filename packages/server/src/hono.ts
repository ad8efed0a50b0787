import type { Context, MiddlewareHandler } from 'hono'
import { CaptchaConfigError } from './config-error'
import { decide, selectToken, TOKEN_HEADER, type GuardOptions, type Refusal } from './guard'
import { DEFAULT_MAX_BODY_BYTES, readBodyAtMost } from './read-token'
import type { Verdict } from './verdict'

export type { ChallengeOptions, GuardOptions, Refusal, RefusalBody, TokenSource } from './guard'

/**
 * Hono middleware that lets a request through only with a valid CAPTCHA token, the verdict
 * as `c.get('captcha')`; otherwise answers 403, 429 or 503 with
 * `{ error: 'captcha_failed', reason }`. Reads JSON, urlencoded and multipart bodies of at
 * most `maxBodyBytes` from a clone, so the handler can still read its own. Runs on any runtime Hono does. Hono
 * knows no client IP by itself: with a `policy`, give `clientIp` (or `keys`), or it throws
 * `CaptchaConfigError` (`policy-without-keys`): a policy with nothing to count never escalates.
 */
export interface HonoGuardOptions extends GuardOptions<Context> {
  /**
   * The guard reads a clone of a JSON, urlencoded or multipart body up to this many bytes
   * (default 1 MiB), and no further: a longer body holds no token (`missing_token`).
   */
  maxBodyBytes?: number
  /**
   * Answers a refused request yourself, e.g. a page instead of JSON for a plain HTML form.
   * Default: `c.json(refusal.body, refusal.status, refusal.headers)`.
   */
  onRefusal?: (refusal: Refusal, c: Context) => Response | Promise<Response>
}

export function requireCaptcha(
  options: HonoGuardOptions,
): MiddlewareHandler<{ Variables: { captcha: Verdict } }> {
  if (options.policy && !options.clientIp && !options.keys) {
    throw new CaptchaConfigError(
      'policy-without-keys',
      'requireCaptcha: Hono knows no client IP, so the policy would count nothing; pass clientIp: (c) => getClientIp(c.req.raw, { trustProxy: ... }) or keys',
    )
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  return async (c, next) => {
    const token = await selectToken(
      options.tokenFrom,
      c,
      () => c.req.header(TOKEN_HEADER),
      () => readBody(c, maxBodyBytes),
    )
    const outcome = await decide(options, c, token, null)
    if (!outcome.pass) {
      if (options.onRefusal) return options.onRefusal(outcome.refusal, c)
      const { status, headers, body } = outcome.refusal
      return c.json(body, status, headers)
    }
    c.set('captcha', outcome.verdict)
    return next()
  }
}

/**
 * The body as JSON or a form, read from a clone up to `maxBytes`, so the handler can still
 * read it. When a middleware before the guard read it already, Hono's cache holds it.
 */
async function readBody(c: Context, maxBytes: number): Promise<unknown> {
  if (!c.req.raw.bodyUsed) return readBodyAtMost(c.req.raw, maxBytes)
  const type = c.req.header('content-type') ?? ''
  try {
    if (/^application\/(.+\+)?json/i.test(type)) return await c.req.json()
    if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type))
      return await c.req.parseBody()
  } catch {
    // An unreadable body holds no token; the guard refuses with `missing_token`.
  }
  return undefined
}
