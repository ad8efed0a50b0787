/** The header a page may send its token in, read first. */
export const TOKEN_HEADER = 'x-captcha-token'

/**
 * Body fields a token is read from, in order: Passline's own, then each provider's own form
 * field (what its widget writes into a plain form).
 */
export const TOKEN_FIELDS = [
  'captchaToken',
  'cf-turnstile-response',
  'h-captcha-response',
  'g-recaptcha-response',
  'frc-captcha-response',
  'altcha',
  'cap-token',
] as const

/**
 * The token in a parsed body: the first of `TOKEN_FIELDS` that holds a string, also as
 * `{ value }` (what `@fastify/multipart` attaches) or a `FormData` entry. Anything else (a
 * list, a number, a file) is no token.
 */
export function tokenFromBody(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const read = (field: string): unknown =>
    body instanceof FormData ? body.get(field) : (body as Record<string, unknown>)[field]
  for (const field of TOKEN_FIELDS) {
    let value = read(field)
    if (typeof value === 'object' && value !== null && 'value' in value && 'fieldname' in value)
      value = (value as { value: unknown }).value
    if (typeof value === 'string' && value) return value
  }
  return undefined
}

/**
 * The token of a Fetch `Request` (Next.js route handlers, SvelteKit, Astro, SolidStart,
 * Workers): the `X-Captcha-Token` header, else the body's `captchaToken` (or a provider's
 * field), from JSON, a urlencoded form or a multipart form. Reads a clone, so the body stays
 * readable for your handler; an unreadable body holds no token.
 */
export async function readCaptchaToken(request: Request): Promise<string | undefined> {
  const header = request.headers.get(TOKEN_HEADER)
  if (header) return header
  return tokenFromBody(await parseBody(request.clone()))
}

/** JSON or a form, by content type; undefined for anything else or anything unreadable. */
export async function parseBody(message: Request | Response): Promise<unknown> {
  const type = message.headers.get('content-type') ?? ''
  try {
    if (/^application\/(.+\+)?json/i.test(type)) return await message.json()
    if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type))
      return await message.formData()
  } catch {
    // A malformed body holds no token; the guard refuses with `missing_token`.
  }
  return undefined
}
