// CaptchaLa's API as a backend under test sees it: the mock behind a forwarding server that a
// test can make fail, or make gather validations so that racing requests really race.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Upstream {
  url: string
  /** Answer every call with this instead of the mock's answer; `undefined` ends it. */
  failWith(answer: { status: number; body: string } | undefined): void
  /**
   * Hold the next `count` validations until all of them have arrived (and `until` has
   * settled), then let them through together: every request among them has been checked by
   * the policy before any is settled.
   */
  gather(count: number, until?: Promise<unknown>): void
  close(): Promise<void>
}

const FORWARDED = ['content-type', 'x-app-key', 'x-app-secret']

export async function createUpstream(mockUrl: string): Promise<Upstream> {
  let failure: { status: number; body: string } | undefined
  let gathering = 0
  let held: (() => void)[] = []
  let waitFor: Promise<unknown> | undefined

  const server = createServer(async (request, response) => {
    if (failure) return void response.writeHead(failure.status).end(failure.body)
    if (gathering && request.url === '/v1/validate') {
      await new Promise<void>((release) => {
        held.push(release)
        if (held.length < gathering) return
        gathering = 0
        void Promise.resolve(waitFor).then(() => {
          for (const go of held.splice(0)) go()
        })
      })
    }
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const headers = Object.fromEntries(
      FORWARDED.flatMap((name) => {
        const value = request.headers[name]
        return typeof value === 'string' ? [[name, value]] : []
      }),
    )
    const answer = await fetch(`${mockUrl}${request.url}`, {
      method: request.method,
      headers,
      ...(request.method !== 'GET' && { body: Buffer.concat(chunks) }),
    })
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    })
    response.end(Buffer.from(await answer.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    failWith: (answer) => void (failure = answer),
    gather(count, until) {
      gathering = count
      held = []
      waitFor = until
    },
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
