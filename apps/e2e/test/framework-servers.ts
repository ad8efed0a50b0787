// The framework samples' built apps on their own production servers, against the mock at
// `mockUrl`: Next's (in this process) and Nuxt's Nitro server (a process of its own).
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { FRAMEWORK_APPS } from './apps'
import { startNodeServer, type RunningApp } from './node-server'

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

const root = (name: string) => FRAMEWORK_APPS.find((candidate) => candidate.name === name)!.root

/** `apps/next-demo`, built with `next build`, served by Next's own production server. */
export async function startNext(mockUrl: string): Promise<RunningApp> {
  // Read by the app's server code at request time: where the provider is.
  process.env.PASSLINE_MOCK_URL = mockUrl
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const dir = root('next-demo')
  const createNext = createRequire(`${dir}package.json`)('next') as CreateNextServer
  const next = createNext({ dev: false, dir, hostname: '127.0.0.1', port })
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
}

/**
 * `apps/nuxt-demo`, built with `nuxi build`, its Nitro server run with the module's runtime
 * config from the environment, as a deployment sets it (`env` adds to it).
 */
export function startNuxt(mockUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  return startNodeServer('nuxt-demo', '.output/server/index.mjs', {
    cwd: root('nuxt-demo'),
    env: {
      NUXT_PASSLINE_SECRET: 'test_secret',
      NUXT_PASSLINE_BASE_URL: mockUrl,
      NUXT_PUBLIC_PASSLINE_SCRIPT_URL: `${mockUrl}/captchala-loader.js`,
      ...env,
    },
  })
}
