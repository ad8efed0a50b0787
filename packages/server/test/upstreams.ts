import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

export interface Recorded {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** A throwaway HTTP server on 127.0.0.1 that records requests; closed after the test. */
export async function upstream(handle: (request: Recorded, response: ServerResponse) => void) {
  const requests: Recorded[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const recorded = {
        method: request.method!,
        url: request.url!,
        headers: request.headers,
        body,
      }
      requests.push(recorded)
      handle(recorded, response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }
}

export function json(response: ServerResponse, body: unknown, status = 200) {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}
