import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { createDemoApi, type DemoApi, type DemoApiOptions } from '@passline/demo-api'
import { createMockServer, type MockServer } from '@passline/mock-server'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'
import { expect, onTestFailed } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'
import { APPS, DEMO_NONCE } from './apps'
import { startNodeServer, type RunningApp } from './node-server'

export interface Stack {
  mock: MockServer
  api: DemoApi
  browser: Browser
  /**
   * Each app's preview URL, and the same build served under a strict CSP (an app that sets
   * its own policy with a fresh nonce, SvelteKit's `kit.csp`, answers with that one instead).
   */
  apps: Map<string, { url: string; cspUrl: string }>
  close(): Promise<void>
}

/**
 * ALTCHA's and Cap's work, light: a widget solves in milliseconds. (Their defaults are their
 * libraries', seconds of work in a browser; what the difficulty costs is for `pnpm bench`.)
 */
export const LIGHT_WORK = {
  altcha: { cost: 1, counter: { min: 100, max: 1000 } },
  cap: { challengeCount: 8, challengeDifficulty: 2 },
} satisfies DemoApiOptions['selfHosted']

/**
 * The mock provider, the demo backend (`api`: more of its options, such as Redis), every app's
 * build behind `vite preview`, and Chromium.
 */
export async function startStack(
  api: Omit<DemoApiOptions, 'captchalaUrl' | 'port'> = {},
): Promise<Stack> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run the README's test command`)
  const mock = await createMockServer()
  const backend = await createDemoApi({
    selfHosted: LIGHT_WORK,
    ...api,
    captchalaUrl: mock.url,
    port: 0,
  })
  const previews: PreviewServer[] = []
  const servers: RunningApp[] = []
  const apps = new Map<string, { url: string; cspUrl: string }>()
  const csp = [
    `default-src 'self'`,
    `script-src 'nonce-${DEMO_NONCE}'`,
    `style-src 'nonce-${DEMO_NONCE}'`,
    `connect-src 'self' ${mock.url}`,
    `img-src 'self' data:`,
  ].join('; ')
  for (const app of APPS.filter((candidate) =>
    existsSync(`${candidate.root}/${candidate.built}`),
  )) {
    if (app.server) {
      // Its own production server; its own strict policy (kit.csp) is on every response.
      const running = await startNodeServer(app.name, app.server, {
        cwd: app.root,
        env: { PASSLINE_API_URL: backend.url },
      })
      servers.push(running)
      apps.set(app.name, { url: `${running.url}/`, cspUrl: `${running.url}/` })
      continue
    }
    const serve = (headers: Record<string, string>) =>
      preview({
        root: app.root,
        logLevel: 'warn',
        preview: { port: 0, host: '127.0.0.1', proxy: { '/api': backend.url }, headers },
      })
    const plain = await serve({})
    const strict = await serve({ 'content-security-policy': csp })
    previews.push(plain, strict)
    apps.set(app.name, {
      url: plain.resolvedUrls!.local[0]!,
      cspUrl: strict.resolvedUrls!.local[0]!,
    })
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
  return {
    mock,
    api: backend,
    browser,
    apps,
    async close() {
      await browser.close()
      await Promise.all([...previews, ...servers].map((server) => server.close()))
      await backend.close()
      await mock.close()
    },
  }
}

/**
 * A fresh page that records its console, page errors and CSP violations, and saves a
 * screenshot and that record under test-results/ when the test fails. `device` replaces the
 * 900×900 desktop window (a phone's viewport, touch, ...).
 */
export async function openPage(
  browser: Browser,
  name: string,
  device: BrowserContextOptions = { viewport: { width: 900, height: 900 } },
): Promise<{ page: Page; log: string[] }> {
  const page = await browser.newPage(device)
  page.setDefaultTimeout(15_000)
  const log: string[] = []
  page.on('console', (message) => log.push(`console.${message.type()}: ${message.text()}`))
  page.on('pageerror', (error) => log.push(`pageerror: ${error.message}`))
  onTestFailed(async () => {
    const dir = fileURLToPathSafe('../test-results/')
    mkdirSync(dir, { recursive: true })
    const file = `${dir}${name.replace(/[^\w-]+/g, '_')}`
    await page.screenshot({ path: `${file}.png`, fullPage: true }).catch(() => {})
    writeFileSync(`${file}.log`, log.join('\n'))
  })
  return { page, log }
}

function fileURLToPathSafe(relative: string) {
  return new URL(relative, import.meta.url).pathname
}

/** Waits until the page's status line shows `status`. */
export async function statusIs(page: Page, status: string) {
  await page.locator('#status', { hasText: `Captcha: ${status}` }).waitFor()
}

/**
 * Runs the page's clock (installed with `page.clock`) forward in small steps until `done`,
 * for at most `maxMs` of page time, then waits for `done` in real time: the network is real,
 * so an answer the last step asked for may still be on its way. Fails if `done` never holds.
 */
export async function advanceUntil(
  page: Page,
  done: () => boolean | Promise<boolean>,
  maxMs: number,
) {
  const stepMs = 250
  for (let elapsed = 0; elapsed < maxMs && !(await done()); elapsed += stepMs)
    await page.clock.runFor(stepMs)
  await expect.poll(done, { timeout: 5000 }).toBe(true)
}

/** The URL of `app` as the stack serves it, with `query`. */
export function appUrl(stack: Stack, app: string, query: Record<string, string> = {}) {
  const served = stack.apps.get(app)
  if (!served) throw new Error(`${app} was not built`)
  return `${served.url}?${new URLSearchParams(query)}`
}
