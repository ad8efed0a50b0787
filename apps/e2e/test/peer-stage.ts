// The stage for other people's clients, unchanged, at their default script URLs: each peer
// page bundled as an app would ship it and served on 127.0.0.1; Chromium, with the providers'
// real hosts answered by one emulator through `routeProviders`; and this process's outgoing
// requests (a backend's siteverify and validate calls) answered by the same emulator through
// MSW. Every other outside request is refused, and recorded so a test can assert there were none.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createEmulator, type Emulator, type EmulatorOptions } from '@passline/mock-server'
import { providerHandlers } from '@passline/mock-server/msw'
import { routeProviders } from '@passline/mock-server/playwright'
import { build } from 'esbuild'
import { setupServer } from 'msw/node'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'

const PAGES = [
  'turnstile',
  'hcaptcha',
  'recaptcha-v2',
  'recaptcha-v3',
  'vue-turnstile',
  'passline',
] as const
export type PeerPage = (typeof PAGES)[number]

export interface PeerRecord {
  tokens: string[]
  errors: string[]
}

export interface PeerStage {
  emulator: Emulator
  /** Outside requests refused: the page's (Chromium) and this process's (Node). */
  refused: { page: string[]; node: string[] }
  /** Opens `page` with `query` in a fresh routed context; closed by `close()`. */
  open(page: PeerPage, query: Record<string, string>): Promise<Page>
  /** What the peer library handed to its callbacks, once `until` holds. */
  record(page: Page, until?: 'token' | 'error'): Promise<PeerRecord>
  close(): Promise<void>
}

/** Bundles each peer page the way an app would ship it (production builds). */
async function bundlePages(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: PAGES.map((name) =>
      fileURLToPath(new URL(`../peers/${name}.js`, import.meta.url)),
    ),
    bundle: true,
    format: 'esm',
    write: false,
    outdir: '/peers',
    // The Passline page runs the workspace's core, as the other tests do, without a build.
    alias: {
      '@passline/core': fileURLToPath(
        new URL('../../../packages/core/src/index.ts', import.meta.url),
      ),
    },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'silent',
  })
  return new Map(result.outputFiles.map((file) => [file.path.replace(/^.*\//, '/'), file.text]))
}

function serveSite(scripts: Map<string, string>): Promise<Server> {
  const site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname
    const script = scripts.get(path)
    if (script) {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      response.end(script)
      return
    }
    const name = path.slice(1)
    response.writeHead(scripts.has(`/${name}.js`) ? 200 : 404, { 'content-type': 'text/html' })
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head>
<body><main id="app"></main><script type="module" src="/${name}.js"></script></body></html>`)
  })
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(site)))
}

const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost'

export async function startPeerStage(options: EmulatorOptions = {}): Promise<PeerStage> {
  const emulator = createEmulator(options)
  const refused = { page: [] as string[], node: [] as string[] }
  const msw = setupServer(...providerHandlers(emulator))
  msw.listen({
    onUnhandledRequest(request, print) {
      if (isLoopback(new URL(request.url))) return
      refused.node.push(request.url)
      print.error()
    },
  })
  const site = await serveSite(await bundlePages())
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
  })
  const contexts: BrowserContext[] = []

  return {
    emulator,
    refused,
    async open(page, query) {
      const context = await browser.newContext()
      contexts.push(context)
      // Routes run last-registered first: the providers' hosts, then this refusal of the rest.
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url())
        if (isLoopback(url)) return route.continue()
        refused.page.push(url.href)
        return route.abort()
      })
      await routeProviders(context, emulator)
      const tab = await context.newPage()
      tab.setDefaultTimeout(15_000)
      await tab.goto(`${siteUrl}/${page}?${new URLSearchParams(query)}`)
      return tab
    },
    async record(tab, until = 'token') {
      await tab.waitForFunction(
        (key) => (window as unknown as { peer: Record<string, string[]> }).peer[key]!.length > 0,
        until === 'token' ? 'tokens' : 'errors',
      )
      return tab.evaluate(() => (window as unknown as { peer: PeerRecord }).peer)
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()))
      await browser.close()
      await new Promise((resolve) => site.close(resolve))
      msw.close()
    },
  }
}
