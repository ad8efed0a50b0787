/** What a guard's `verify` may answer: a CaptchaLa `ValidateResult` or a siteverify `VerifyResult`. */
export type Verification =
  | { valid: boolean; error?: string | undefined }
  | { success: boolean; errorCodes?: readonly string[] | undefined }

/** Where the token is: `header` (`X-Captcha-Token`), `body` (a known form field), or your function. */
export type TokenSource<Request> = 'header' | 'body' | ((request: Request) => unknown)

export interface GuardOptions<Request, Result extends Verification> {
  /** Checks the token, e.g. `(token, req) => client.validate(token, { clientIp: ... })`. */
  verify: (token: string, request: Request) => Promise<Result>
  /** Default: the `X-Captcha-Token` header, else a known body field. */
  tokenFrom?: TokenSource<Request>
}

export const TOKEN_HEADER = 'x-captcha-token'

/** Body fields a token is looked for in, Passline's own first, then each provider's form field. */
export const TOKEN_FIELDS = [
  'captchaToken',
  'captcha_token',
  'captchala_token',
  'cf-turnstile-response',
  'h-captcha-response',
  'g-recaptcha-response',
] as const

/** The token as `tokenFrom` says where to look; by default the header, else the body. */
export async function selectToken<Request>(
  tokenFrom: TokenSource<Request> | undefined,
  request: Request,
  readHeader: () => string | undefined,
  readBody: () => unknown,
): Promise<unknown> {
  if (typeof tokenFrom === 'function') return tokenFrom(request)
  if (tokenFrom !== 'body' && readHeader()) return readHeader()
  return tokenFrom === 'header' ? undefined : tokenFromBody(await readBody())
}

export function tokenFromBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return undefined
  const fields = body as Record<string, unknown>
  return TOKEN_FIELDS.map((field) => fields[field]).find(
    (value) => typeof value === 'string' && value,
  )
}

/** The answer a guard sends when a request may not pass. */
export interface Refusal {
  status: 403
  body: { error: 'captcha_failed'; reason: string }
}

/**
 * Runs the check and decides: pass with the result, or refuse with a reason. Fails closed:
 * no token, an invalid one, or a `verify` that throws all refuse.
 */
export async function decide<Request, Result extends Verification>(
  token: unknown,
  request: Request,
  verify: GuardOptions<Request, Result>['verify'],
): Promise<{ pass: true; result: Result } | { pass: false; refusal: Refusal }> {
  const refuse = (reason: string) => ({
    pass: false as const,
    refusal: { status: 403 as const, body: { error: 'captcha_failed' as const, reason } },
  })
  if (typeof token !== 'string' || !token) return refuse('missing_token')
  let result: Result
  try {
    result = await verify(token, request)
  } catch {
    return refuse('request_failed')
  }
  if ('valid' in result)
    return result.valid ? { pass: true, result } : refuse(result.error ?? 'invalid_token')
  return result.success
    ? { pass: true, result }
    : refuse(result.errorCodes?.[0] ?? 'invalid-input-response')
}
