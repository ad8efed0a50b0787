// The mock server README's "Test your app" recipes, as written. The two Playwright specs run
// in @playwright/test's own runner (a process of its own, Debian's Chromium) against a signup
// page with Turnstile at its production URL; the page's backend runs here, its verifier
// configured as in production, answered through MSW by an emulator with the recipes' seed:
// the two-process story the README tells. (The Node recipe runs in recipes-node.e2e.ts, the
// browser-mode one in packages/mock-server's browser project.)
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createEmulator } from '@passline/mock-server'
import { providerHandlers } from '@passline/mock-server/msw'
import { createVerifier, type Verdict } from '@passline/server'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'
import { readLabelledBlock } from '../taught/recipes'

const README = 'packages/mock-server/README.md'
const DIR = fileURLToPath(new URL('./.recipes/playwright/', import.meta.url))
const SEED = 'signup-tests'
const SITE_KEY = '0x4AAAAAAAPasslineDemoInteractive'
const SECRET = '0x4AAAAAAAPasslineDemoSecret2'

// The app the recipes test: a signup form whose button waits for the widget's token.
const SIGNUP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign up</title>
<script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script></head>
<body><form id="signup">
<label>Email <input name="email" type="email" required></label>
<div class="cf-turnstile" data-sitekey="${SITE_KEY}" data-callback="verified"></div>
<button id="submit" disabled>Sign up</button><p role="alert"></p></form>
<script>
  const form = document.getElementById('signup')
  window.verified = () => (document.getElementById('submit').disabled = false)
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const response = await fetch('/api/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.email.value, captchaToken: form['cf-turnstile-response'].value }),
    })
    form.querySelector('[role=alert]').textContent = (await response.json()).message
  })
</script></body></html>`

const verdicts: Verdict[] = []
const outside: string[] = []
const msw = setupServer(...providerHandlers(createEmulator({ seed: SEED })))
let app: Server
let appUrl: string

beforeAll(async () => {
  msw.listen({
    onUnhandledRequest(request, print) {
      if (new URL(request.url).hostname === '127.0.0.1') return
      outside.push(request.url)
      print.error()
    },
  })
  // The backend, configured as in production: keys only.
  const verifier = createVerifier({ provider: 'turnstile', secret: SECRET })
  app = createServer(async (request, response) => {
    if (request.method === 'POST' && request.url === '/api/signup') {
      let body = ''
      for await (const chunk of request) body += chunk
      const verdict = await verifier.verify(JSON.parse(body).captchaToken ?? '')
      verdicts.push(verdict)
      response.writeHead(verdict.success ? 201 : 403, { 'content-type': 'application/json' })
      const message = verdict.success ? 'Welcome aboard!' : 'The security check failed.'
      return void response.end(JSON.stringify({ message }))
    }
    response.writeHead(request.url === '/signup' ? 200 : 404, { 'content-type': 'text/html' })
    response.end(request.url === '/signup' ? SIGNUP_PAGE : 'not found')
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
})

afterAll(async () => {
  msw.close()
  app?.closeAllConnections()
  await new Promise((resolve) => app?.close(resolve))
})

/** The recipe labelled `label`, written where the runner finds it; its name. */
function writeSpec(label: string, name: string) {
  writeFileSync(DIR + name, readLabelledBlock(README, label).code)
}

describe("the README's Playwright recipes, in @playwright/test's runner", () => {
  it('the fixture and routeProviders both sign a visitor up; the backend verified each token once', async () => {
    rmSync(DIR, { recursive: true, force: true })
    mkdirSync(DIR, { recursive: true })
    writeSpec('Playwright fixture:', 'signup.spec.ts')
    writeSpec('Playwright routing:', 'signup-routed.spec.ts')
    writeFileSync(
      `${DIR}playwright.config.ts`,
      `import { defineConfig } from '@playwright/test'
export default defineConfig({
  testDir: '.',
  workers: 1,
  outputDir: './test-results',
  reporter: [['json', { outputFile: 'results.json' }], ['line']],
  use: {
    baseURL: ${JSON.stringify(appUrl)},
    launchOptions: { executablePath: ${JSON.stringify(CHROMIUM_PATH)}, args: ${JSON.stringify(CHROMIUM_FLAGS)} },
  },
})
`,
    )
    const cli = createRequire(import.meta.url).resolve('@playwright/test/cli')
    // Not spawnSync: the backend answers from this process while the runner runs.
    const runner = spawn(
      process.execPath,
      [cli, 'test', '--config', `${DIR}playwright.config.ts`],
      {
        cwd: DIR,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    runner.stdout.on('data', (chunk) => (output += chunk))
    runner.stderr.on('data', (chunk) => (output += chunk))
    const status = await new Promise<number | null>((resolve) => runner.on('close', resolve))
    expect(status, output).toBe(0)
    const report = JSON.parse(readFileSync(`${DIR}results.json`, 'utf8')) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number }
    }
    expect(report.stats).toMatchObject({ expected: 2, unexpected: 0, skipped: 0, flaky: 0 })
    // Each spec's token, minted in the runner's emulator, verified here once (same seed).
    expect(verdicts.map((verdict) => verdict.success)).toEqual([true, true])
    expect(outside).toEqual([])
  }, 180_000)
})
