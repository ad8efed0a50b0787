// A provider's script host that stalls: it takes the request and never answers. Chromium keeps
// such a request pending after the tag is removed, and hands every new tag for the same URL its
// (never-coming) answer, so a loader that retried the same URL would never load again, whatever
// the host did next. In Chromium, against a real stalling server: after the stall, the core's
// next load asks for a URL of its own and loads as soon as the host answers again.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { loadScript as LoadScript } from '@passline/core'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'

const CORE_DIST = fileURLToPath(new URL('../../../packages/core/dist/', import.meta.url))

let browser: Browser
let server: Server
let base: string
let stalling = true
const sdkRequests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://host')
    if (url.pathname === '/sdk.js') {
      sdkRequests.push(request.url!)
      // Stalled: the request is taken and never answered (closed with the server).
      if (stalling) return
      response.setHeader('content-type', 'text/javascript')
      return void response.end('window.sdkRuns = (window.sdkRuns ?? 0) + 1')
    }
    if (url.pathname.startsWith('/core/') && /^[\w./-]+\.js$/.test(url.pathname.slice(6))) {
      response.setHeader('content-type', 'text/javascript')
      return void response.end(readFileSync(CORE_DIST + url.pathname.slice(6)))
    }
    response.setHeader('content-type', 'text/html')
    response.end('<!doctype html><html lang="en"><title>Stalled script</title></html>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
})

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  server?.close()
})

it('after a stalled script host, the next load asks afresh and loads once the host answers', async () => {
  const page = await browser.newPage()
  await page.goto(base + '/')
  await page.clock.install()
  // The core's loader as a page's module imports it (not through the test's own transform).
  await page.addScriptTag({
    type: 'module',
    content: `import { loadScript } from '${base}/core/index.js'; window.loadScript = loadScript`,
  })
  await page.waitForFunction(() => 'loadScript' in window)
  const load = (attempts: number) =>
    page.evaluate(
      ({ src, attempts }) =>
        (window as unknown as { loadScript: typeof LoadScript })
          .loadScript(src, { attempts, timeoutMs: 1000, baseDelayMs: 10 })
          .then(
            () => 'loaded',
            (error: { code: string }) => error.code,
          ),
      { src: `${base}/sdk.js`, attempts },
    )

  // Both tries time out on the stalled host (the page's clock, a step at a time).
  const stalled = load(2)
  await expect.poll(() => sdkRequests.length).toBe(1)
  for (let step = 0; step < 25; step++) await page.clock.runFor(100)
  await expect(stalled).resolves.toBe('script-timeout')

  // The host answers again: the next load (a widget healing by itself) reaches it, and loads.
  stalling = false
  const healed = load(1)
  await expect.poll(() => page.evaluate(() => (window as { sdkRuns?: number }).sdkRuns)).toBe(1)
  await expect(healed).resolves.toBe('loaded')
  // Each try after the stall asked for a URL of its own: none could reuse a pending request.
  expect(sdkRequests).toHaveLength(3)
  expect(new Set(sdkRequests).size).toBe(3)
  await page.close()
})
