// The Next.js sample, built with `next build` and served by Next's own production server.
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { FRAMEWORK_APPS } from './apps'
import { frameworkSuite } from './framework-suite'

interface NextServer {
  prepare(): Promise<void>
  getRequestHandler(): (request: unknown, response: unknown) => Promise<void>
  close(): Promise<void>
}
type CreateNextServer = (options: {
  dev: boolean
  dir: string
  hostname: string
  port: number
}) => NextServer

const app = FRAMEWORK_APPS.find((candidate) => candidate.name === 'next-demo')!

frameworkSuite({
  name: 'next-demo',
  submits: { 'server action': '#submit', 'route handler': '#submit-route' },
  async start(mockUrl) {
    // Read by the app's server code at request time: where the provider is.
    process.env.PASSLINE_MOCK_URL = mockUrl
    process.env.NEXT_TELEMETRY_DISABLED = '1'
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const createNext = createRequire(`${app.root}package.json`)('next') as CreateNextServer
    const next = createNext({ dev: false, dir: app.root, hostname: '127.0.0.1', port })
    await next.prepare()
    const handle = next.getRequestHandler()
    server.on('request', (request, response) => void handle(request, response))
    return {
      url: `http://127.0.0.1:${port}`,
      async close() {
        server.closeAllConnections()
        await new Promise((resolve) => server.close(resolve))
        await next.close()
      },
    }
  },
})
