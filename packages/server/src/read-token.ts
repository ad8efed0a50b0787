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

/** The most of a body the guards and `readCaptchaToken` read: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

export interface ReadTokenOptions {
  /**
   * Bodies longer than this many bytes (default 1 MiB) hold no token: reading stops there
   * (one declaring a longer `Content-Length` is not read at all).
   */
  maxBodyBytes?: number
}

/**
 * The token of a Fetch `Request` (Next.js route handlers, SvelteKit, Astro, SolidStart,
 * Workers): the `X-Captcha-Token` header, else the body's `captchaToken` (or a provider's
 * field), from JSON, a urlencoded form or a multipart form, of at most `maxBodyBytes`.
 * Reads a clone, so the body stays readable for your handler; an unreadable body, or one
 * past `maxBodyBytes`, holds no token.
 */
export async function readCaptchaToken(
  request: Request,
  options: ReadTokenOptions = {},
): Promise<string | undefined> {
  const header = request.headers.get(TOKEN_HEADER)
  if (header) return header
  return tokenFromBody(await readBodyAtMost(request, options.maxBodyBytes))
}

const JSON_TYPE = /^application\/(.+\+)?json/i
const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i

/**
 * A clone of the request's body as JSON or a form, read only up to `maxBytes` (the clone is
 * cancelled there, so no more is pulled from the client); undefined past that, for another
 * type, or when the body is unreadable or already read.
 */
export async function readBodyAtMost(
  request: Request,
  maxBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!JSON_TYPE.test(type) && !FORM_TYPE.test(type)) return undefined
  if (!request.body || request.bodyUsed) return undefined
  if (Number(request.headers.get('content-length')) > maxBytes) return undefined
  const reader = request.clone().body!.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        // Not awaited: a clone's cancel settles only once the original is cancelled too.
        reader.cancel().catch(() => undefined)
        return undefined
      }
      chunks.push(value)
    }
  } catch {
    return undefined // the client went away, or the body failed: no token
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  return parseBody(new Response(bytes, { headers: { 'content-type': type } }))
}

/** JSON or a form, by content type; undefined for anything else or anything unreadable. */
export async function parseBody(message: Request | Response): Promise<unknown> {
  const type = message.headers.get('content-type') ?? ''
  try {
    if (JSON_TYPE.test(type)) return await message.json()
    if (FORM_TYPE.test(type)) return await message.formData()
  } catch {
    // A malformed body holds no token; the guard refuses with `missing_token`.
  }
  return undefined
}
