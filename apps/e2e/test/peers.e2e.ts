// Other people's clients, unchanged, against the emulator: popular React libraries for
// Turnstile, hCaptcha and reCAPTCHA v2 and v3 (pinned dev dependencies of this package), each
// used as its README shows. Their scripts' hard-coded hosts are pointed at the mock the way a
// CI proxy would; each library must render, hand its token to its own callback, and that token
// must pass the provider's siteverify on the mock.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createMockServer, type MockServer } from '@passline/mock-server'
import {
  verifyHcaptcha,
  verifyRecaptcha,
  verifyTurnstile,
  type SiteverifyOptions,
  type VerifyResult,
} from '@passline/server'
import { build } from 'esbuild'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'

interface Peer {
  library: string
  siteKey: string
  secret: string
  /** The provider's siteverify on the mock, through @passline/server's verifier. */
  verify: (options: SiteverifyOptions) => Promise<VerifyResult>
  siteverify: string
  /** The emulated checkbox waits for a click. */
  click?: boolean
  /** The action siteverify must report. */
  action?: string
  query?: Record<string, string>
}

const PEERS: Record<string, Peer> = {
  turnstile: {
    library: '@marsidev/react-turnstile',
    siteKey: '0x4AAAAAAAPasslineDemo',
    secret: '0x4AAAAAAAPasslineDemoSecret',
    verify: verifyTurnstile,
    siteverify: '/turnstile/v0/siteverify',
    action: 'signup',
  },
  hcaptcha: {
    library: '@hcaptcha/react-hcaptcha',
    siteKey: 'a1b2c3d4-0000-4000-8000-passline0001',
    secret: '0xPasslineDemoHcaptchaSecret',
    verify: verifyHcaptcha,
    siteverify: '/hcaptcha/siteverify',
    click: true,
  },
  'recaptcha-v2': {
    library: 'react-google-recaptcha',
    siteKey: '6LPasslineDemoV2CheckboxKey00000000000000',
    secret: '6LPasslineDemoV2CheckboxSecret0000000000',
    verify: verifyRecaptcha,
    siteverify: '/recaptcha/api/siteverify',
    click: true,
  },
  'recaptcha-v3': {
    library: 'react-google-recaptcha-v3 (script in <head>, execute by site key)',
    siteKey: '6LPasslineDemoV3ScoreKey0000000000000000',
    secret: '6LPasslineDemoV3ScoreSecret000000000000',
    verify: verifyRecaptcha,
    siteverify: '/recaptcha/api/siteverify',
    action: 'signup',
  },
  'recaptcha-v3-container': {
    library: 'react-google-recaptcha-v3 (its own container, execute by widget id)',
    siteKey: '6LPasslineDemoV3ScoreKey0000000000000000',
    secret: '6LPasslineDemoV3ScoreSecret000000000000',
    verify: verifyRecaptcha,
    siteverify: '/recaptcha/api/siteverify',
    action: 'signup',
    query: { container: 'recaptcha-box' },
  },
}

/** The providers' script hosts, and where the mock serves each provider. */
const PROVIDER_HOSTS: Record<string, string> = {
  'challenges.cloudflare.com': '/turnstile',
  'js.hcaptcha.com': '/hcaptcha',
  'www.google.com': '/recaptcha',
  'www.recaptcha.net': '/recaptcha',
}

let mock: MockServer
let site: Server
let siteUrl: string
let browser: Browser

/** Bundles each peer page the way an app would ship it (production React). */
async function bundlePeers(): Promise<Map<string, string>> {
  const entries = ['turnstile', 'hcaptcha', 'recaptcha-v2', 'recaptcha-v3']
  const result = await build({
    entryPoints: entries.map((name) =>
      fileURLToPath(new URL(`../peers/${name}.js`, import.meta.url)),
    ),
    bundle: true,
    format: 'esm',
    write: false,
    outdir: '/peers',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  return new Map(result.outputFiles.map((file) => [file.path.replace(/^.*\//, '/'), file.text]))
}

beforeAll(async () => {
  mock = await createMockServer()
  const scripts = await bundlePeers()
  site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname
    const script = scripts.get(path)
    if (script) {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      response.end(script)
      return
    }
    const name = path.slice(1).replace(/-container$/, '')
    response.writeHead(scripts.has(`/${name}.js`) ? 200 : 404, { 'content-type': 'text/html' })
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head>
<body><main id="app"></main><script type="module" src="/${name}.js"></script></body></html>`)
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => site?.close(resolve))
  await mock?.close()
})

/** A context whose provider hosts answer from the mock; every other outside request is refused. */
async function pointedAtMock(): Promise<{ context: BrowserContext; refused: string[] }> {
  const context = await browser.newContext()
  const refused: string[] = []
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.hostname === '127.0.0.1') return route.continue()
    const prefix = PROVIDER_HOSTS[url.hostname]
    if (prefix === undefined) {
      refused.push(url.href)
      return route.abort()
    }
    const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname : prefix + url.pathname
    const response = await route.fetch({ url: `${mock.url}${path}${url.search}` })
    await route.fulfill({ response })
  })
  return { context, refused }
}

describe('peer libraries, unchanged, against the emulator', () => {
  const cases = Object.entries(PEERS).map(([name, peer]) => ({ name, ...peer }))
  it.each(cases)('$name: $library', async ({ name, ...peer }) => {
    const { context, refused } = await pointedAtMock()
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(
      `${siteUrl}/${name}?${new URLSearchParams({ siteKey: peer.siteKey, ...peer.query })}`,
    )
    if (peer.click) await page.getByRole('checkbox').click()
    await page.waitForFunction(
      () => (window as unknown as { peer: { tokens: string[] } }).peer.tokens.length > 0,
    )
    const { tokens, errors } = await page.evaluate(
      () => (window as unknown as { peer: { tokens: string[]; errors: string[] } }).peer,
    )
    expect(errors).toEqual([])
    expect(pageErrors).toEqual([])
    const verify = () =>
      peer.verify({
        secret: peer.secret,
        token: tokens[0],
        url: mock.url + peer.siteverify,
        expectedHostname: '127.0.0.1',
        ...(peer.action && { expectedAction: peer.action }),
      })
    expect(await verify()).toMatchObject({ success: true, hostname: '127.0.0.1' })
    // Minted demo tokens are single-use, as the providers' are.
    expect(await verify()).toMatchObject({ success: false })
    if (refused.length) console.warn(`${name}: refused outside requests`, refused)
    await context.close()
  })
})
