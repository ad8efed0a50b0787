/**
 * The emulator's own request and answer: what every route reads and writes. Transports adapt
 * to it: a Fetch API `Request`/`Response` for Playwright and MSW, Node's request and response
 * directly for the HTTP server (its hot path, without building Fetch objects per request).
 */
export interface EmulatorRequest {
  method: string
  url: URL
  /** A header's value, or null; repeated ones joined with `, `. */
  header(name: string): string | null
  /** The page that made the request, where only the transport knows it (a service worker's). */
  referrer?: string | undefined
  /** The body's bytes (a transport may stop one byte past the limit: enough to refuse it). */
  bytes(): Promise<Uint8Array>
}

/** An answer with its status and headers; a route's plain object answer is 200 JSON. */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Answer(status, JSON.stringify(body), {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  })
}

/** A Fetch API request as the emulator reads it. */
export function fromFetchRequest(request: Request): EmulatorRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    header: (name) => request.headers.get(name),
    referrer: request.referrer,
    bytes: async () => new Uint8Array(await request.arrayBuffer()),
  }
}

/** An answer as a Fetch API response; HEAD gets the headers alone. */
export function toFetchResponse(answer: Answer, method: string): Response {
  const empty = method === 'HEAD' || answer.status === 204 || answer.status === 304
  return new Response(empty ? null : answer.body, {
    status: answer.status,
    headers: answer.headers,
  })
}
