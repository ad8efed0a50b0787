/** The most a signup body may be: an email, a token of at most 4 KiB, and room to spare. */
export const MAX_BODY_BYTES = 16 * 1024

export type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; error: 'unsupported_media_type' | 'body_too_large' | 'invalid_body' }

const refuse = (error: Extract<JsonBody, { ok: false }>['error']): JsonBody => ({
  ok: false,
  error,
})

/**
 * A JSON body, read into memory up to `maxBytes` and no further: the declared length is
 * checked first, and a body sent without one is cut off as it passes the limit. JSON only: a
 * page on another site cannot post it without a CORS preflight, which this app never answers.
 * Web streams only, so it runs on the Edge runtime too.
 */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<JsonBody> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? ''))
    return refuse('unsupported_media_type')
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return refuse('body_too_large')
  if (!request.body) return refuse('invalid_body')
  const reader = request.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        return refuse('body_too_large')
      }
      text += decoder.decode(read.value, { stream: true })
    }
    return { ok: true, value: JSON.parse(text + decoder.decode()) }
  } catch {
    // A body cut off by the client, or not JSON.
    return refuse('invalid_body')
  }
}
