import type { H3Event } from 'h3'

/** The most a signup body may be: an email, a token of at most 4 KiB, and room to spare. */
export const MAX_BODY_BYTES = 16 * 1024

export type JsonBodyError = 'unsupported_media_type' | 'body_too_large' | 'invalid_body'

/**
 * The request's JSON body, read from the socket up to `maxBytes` and no further (Nitro has no
 * body limit of its own, and h3's `readBody` keeps everything): the declared length is checked
 * first, and a body sent without one stops being read as it passes the limit. The client gets
 * its 413 while its upload stalls on a full socket; Node's request timeout closes that socket.
 * JSON only: a page on another site cannot post it without a CORS preflight, which this app
 * never answers.
 */
export async function readJsonBody(
  event: H3Event,
  maxBytes = MAX_BODY_BYTES,
): Promise<{ value: unknown } | { error: JsonBodyError }> {
  const request = event.node.req
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    return { error: 'unsupported_media_type' }
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return { error: 'body_too_large' }
  // Listened to rather than iterated: leaving a `for await` early destroys the request, and
  // with it the socket the answer is still to be written to.
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const settle = (result: { value: unknown } | { error: JsonBodyError }) => {
      request.off('data', onData).off('end', onEnd).off('error', onError)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= maxBytes) return void chunks.push(chunk)
      // Read no more (not destroyed: the answer still goes out on this socket).
      request.pause()
      settle({ error: 'body_too_large' })
    }
    const onEnd = () => {
      try {
        settle({ value: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
      } catch {
        settle({ error: 'invalid_body' })
      }
    }
    // Cut off by the client.
    const onError = () => settle({ error: 'invalid_body' })
    request.on('data', onData).on('end', onEnd).on('error', onError)
  })
}
