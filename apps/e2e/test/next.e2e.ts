// The Next.js sample, built with `next build` and served by Next's own production server:
// server-rendered HTML, hydration without warnings, signup through the server action and the
// route handler, a replay refused, and the escalation with a server token.
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'
import { FRAMEWORK_APPS } from './apps'

type RequestHandler = (request: unknown, response: unknown) => Promise<void>
interface NextServer {
  prepare(): Promise<void>
  getRequestHandler(): RequestHandler
  close(): Promise<void>
}
type CreateNextServer = (options: {
  dev: boolean
  dir: string
  hostname: string
  port: number
}) => NextServer

const app = FRAMEWORK_APPS.find((candidate) => candidate.name === 'next-demo')!
let mock: MockServer
let next: NextServer
let server: Server
let url: string
let browser: Browser

beforeAll(async () => {
  mock = await createMockServer()
  // Read by the app's server code at request time: where the provider is.
  process.env.PASSLINE_MOCK_URL = mock.url
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const createNext = createRequire(`${app.root}package.json`)('next') as CreateNextServer
  next = createNext({ dev: false, dir: app.root, hostname: '127.0.0.1', port })
  await next.prepare()
  const handle = next.getRequestHandler()
  server.on('request', (request, response) => void handle(request, response))
  url = `http://127.0.0.1:${port}`
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
})

afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await next?.close()
  await mock?.close()
})

let emails = 0
const freshEmail = () => `next${++emails}-${Date.now()}@example.com`

/** A page that records React's and the browser's warnings and errors. */
async function openPage(): Promise<{ page: Page; warnings: string[] }> {
  const page = await browser.newPage()
  page.setDefaultTimeout(15_000)
  const warnings: string[] = []
  page.on('console', (message) => {
    if (['warning', 'error'].includes(message.type())) warnings.push(message.text())
  })
  page.on('pageerror', (error) => warnings.push(error.message))
  await page.goto(url)
  await page.locator('#status', { hasText: 'Captcha: ready' }).waitFor()
  return { page, warnings }
}

async function signUp(page: Page, button: '#submit' | '#submit-route', email = freshEmail()) {
  await page.fill('input[name=email]', email)
  await page.click(button)
  return email
}

describe('next-demo (next build, next start)', () => {
  it('server-renders the form with the captcha idle, and no secret', async () => {
    const html = await (await fetch(url)).text()
    expect(html).toContain('<form id="signup"')
    expect(html).toMatch(/Captcha: (<!-- -->)?idle/)
    expect(html).not.toContain('test_secret')
  })

  it('hydrates without warnings and signs up through the server action', async () => {
    const { page, warnings } = await openPage()
    const email = await signUp(page, '#submit')
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    expect(warnings).toEqual([])
    await page.close()
  })

  it('signs up through the route handler', async () => {
    const { page, warnings } = await openPage()
    const email = await signUp(page, '#submit-route')
    await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
    expect(warnings).toEqual([])
    await page.close()
  })

  it('refuses a replayed token', async () => {
    const { token } = await solveChallenge(mock.url, {
      appKey: 'test_pass_invisible',
      action: 'signup',
    })
    const post = (email: string) =>
      fetch(`${url}/api/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.50' },
        body: JSON.stringify({ email, token }),
      })
    expect((await post(freshEmail())).status).toBe(201)
    const replay = await post(freshEmail())
    expect(replay.status).toBe(403)
    expect(await replay.json()).toMatchObject({
      ok: false,
      message: 'Signup refused: token_consumed',
    })
  })

  it('escalates after repeated failures, and a challenge with the server token then passes', async () => {
    const { page } = await openPage()
    const taken = await signUp(page, '#submit')
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    for (const expected of ['email_taken', 'email_taken', 'One more check']) {
      await signUp(page, '#submit', taken)
      await page.locator('#result', { hasText: expected }).waitFor()
    }
    await signUp(page, '#submit')
    await page.locator('#result', { hasText: 'Welcome' }).waitFor()
    await page.close()
  })
})
