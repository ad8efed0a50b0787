import type { IncomingMessage, ServerResponse } from 'node:http'
import type { MockApp } from './apps'
import type { Clock } from './clock'
import { answerFunctionOf, createEmulator, type Emulator } from './create-emulator'
import type { EmulatedSite } from './emulated/sites'
import { BODY_LIMIT_BYTES } from './http/body'

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Default `127.0.0.1`. */
  host?: string
  /** Serve this emulator (shared with Playwright routing or MSW in the same process). */
  emulator?: Emulator
  /** Apps besides the built-in test apps; one with a test app's key replaces it. */
  apps?: readonly MockApp[]
  /** Turnstile, hCaptcha and reCAPTCHA site keys besides the documented test keys and the demo keys. */
  sites?: readonly EmulatedSite[]
  /** Time source for every expiry; inject one in tests. */
  clock?: Clock
  /** The signing key's seed (see `createEmulator`). */
  seed?: string
  /** Called with one line per request (`POST /v1/validate 200 1.2ms`). */
  log?: (line: string) => void
}

export interface MockServer {
  /** `http://host:port`, without a trailing slash. */
  url: string
  /** The emulator it serves. */
  emulator: Emulator
  close(): Promise<void>
}

/**
 * Serves an emulator over HTTP: the CaptchaLa browser SDK with a real widget, its server API,
 * and the other providers' scripts and siteverify, at the paths the README lists.
 */
export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { emulator: given, apps, sites, clock, seed, log } = options
  if (given && (apps || sites || clock || seed !== undefined)) {
    throw new TypeError(
      'createMockServer: pass apps, sites, clock and seed to the emulator you give',
    )
  }
  const emulator = given ?? createEmulator({ apps, sites, clock, seed, log })
  // Loaded here, not at the top: this module is also reached from browser bundles (through the
  // package's main entry) that never start a server.
  const { createServer } = await import('node:http')
  const closing = new AbortController()

  const server = createServer((incoming, outgoing) => {
    const started = performance.now()
    void answer(incoming, outgoing).then(
      () =>
        log?.(
          `${incoming.method} ${incoming.url} ${outgoing.statusCode} ${(performance.now() - started).toFixed(1)}ms`,
        ),
      () => outgoing.destroy(),
    )
  })

  // The emulator's own answer function: no Fetch objects per request on this hot path.
  const answerRequest =
    answerFunctionOf(emulator) ??
    fail(new TypeError('createMockServer: the emulator must come from createEmulator'))

  async function answer(incoming: IncomingMessage, outgoing: ServerResponse) {
    const gone = new AbortController()
    const abort = () => gone.abort()
    outgoing.once('close', abort)
    closing.signal.addEventListener('abort', abort, { once: true })
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD'
    const answered = await answerRequest(
      {
        method: incoming.method ?? 'GET',
        url: new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? 'localhost'}`),
        header: (name) => {
          const value = incoming.headers[name.toLowerCase()]
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
        },
        bytes: () => (hasBody ? readCapped(incoming) : Promise.resolve(new Uint8Array())),
      },
      { clientIp: incoming.socket.remoteAddress ?? '127.0.0.1', signal: gone.signal },
    )
    closing.signal.removeEventListener('abort', abort)
    // A body the emulator did not read is drained, so the connection serves the next request.
    if (!incoming.complete) incoming.resume()
    if (gone.signal.aborted) return
    outgoing.writeHead(answered.status, answered.headers)
    outgoing.end(incoming.method === 'HEAD' ? undefined : answered.body)
  }

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Held requests end, and open connections close, so close() never waits on a page.
        closing.abort()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/**
 * The body, read to its end (so the connection stays usable for the next request) but kept
 * only up to one byte past the emulator's limit: enough for it to answer 413.
 */
async function readCapped(incoming: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const kept: Uint8Array[] = []
  let size = 0
  for await (const chunk of incoming as AsyncIterable<Uint8Array>) {
    if (size > BODY_LIMIT_BYTES) continue
    kept.push(chunk.subarray(0, BODY_LIMIT_BYTES + 1 - size))
    size += chunk.byteLength
  }
  return new Uint8Array(Buffer.concat(kept))
}

function fail(error: Error): never {
  throw error
}
