// The Next.js sample, built with `next build` and served by Next's own production server.
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { solveChallenge } from '@passline/mock-server'
import { expect, it } from 'vitest'
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
  extra(urls) {
    it('validates in an Edge route handler, once', async () => {
      const { mock, app } = urls()
      const { token } = await solveChallenge(mock, {
        appKey: 'test_pass_invisible',
        action: 'signup',
      })
      const verify = () =>
        fetch(`${app}/api/verify-edge`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ captchaToken: token }),
        }).then(async (response) => ({ status: response.status, body: await response.json() }))
      expect(await verify()).toEqual({ status: 200, body: { valid: true, error: null } })
      expect(await verify()).toEqual({
        status: 403,
        body: { valid: false, error: 'token_consumed' },
      })
    })
  },
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
