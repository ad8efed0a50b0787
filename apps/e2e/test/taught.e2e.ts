// The taught path is the tested path: each binding's README recipe (its component or form
// control, the element in a plain HTML form, and the headless core's form script), unchanged,
// built into a minimal app and served with the server README's Express recipe, unchanged, as
// its backend. In Chromium, against the mock CaptchaLa on CaptchaLa's own hosts: a person signs
// up and the token is validated once (a replay is refused); and with the provider's loader
// blocked on the first load, then unblocked, the page heals with nothing done in it.
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createEmulator, createMockServer, type MockServer } from '@passline/mock-server'
import { routeProviders } from '@passline/mock-server/playwright'
import type { Express } from 'express'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'
import { SERVER_RECIPE, TAUGHT_APPS, type TaughtApp } from '../taught/apps'
import { serveApp, type ServedApp } from '../taught/serve'

// The keys the READMEs write, known to the mock as an app whose challenge a person solves.
const APP_KEY = 'your-app-key'
const APP_SECRET = 'your-app-secret'
const ELEMENT_CDN = 'https://cdn.jsdelivr.net/npm/@passline/element@0.1/dist/browser/'
const elementBuild = fileURLToPath(
  new URL('../../../packages/element/dist/browser/', import.meta.url),
)

let mock: MockServer
let browser: Browser
const backends: Server[] = []
const served = new Map<string, ServedApp>()

/**
 * A backend of its own for each app, as each app has: the recipe module loaded afresh (its
 * verifier and its in-memory escalation policy with it), listening on a free port.
 */
async function startBackend(name: string): Promise<string> {
  const recipe = `${SERVER_RECIPE.file}?app=${name}`
  const { app } = (await import(/* @vite-ignore */ recipe)) as { app: Express }
  const backend = app.listen(0, '127.0.0.1')
  backends.push(backend)
  await new Promise((resolve) => backend.once('listening', resolve))
  return `http://127.0.0.1:${(backend.address() as AddressInfo).port}`
}

beforeAll(async () => {
  // One emulator: the pages reach it on CaptchaLa's own hosts (routeProviders), the recipe's
  // backend over HTTP (it reads its base URL from the environment).
  mock = await createMockServer({
    emulator: createEmulator({ apps: [{ appKey: APP_KEY, appSecret: APP_SECRET }] }),
  })
  // What the Express recipe reads from its environment on its first request.
  process.env.CAPTCHALA_APP_KEY = APP_KEY
  process.env.CAPTCHALA_APP_SECRET = APP_SECRET
  process.env.CAPTCHALA_BASE_URL = mock.url
  for (const taught of TAUGHT_APPS) {
    served.set(taught.name, await serveApp(taught.served, await startBackend(taught.name)))
  }
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([...served.values()].map((app) => app.close()))
  for (const backend of backends) backend.closeAllConnections()
  await Promise.all(backends.map((backend) => new Promise((resolve) => backend.close(resolve))))
  await mock?.close()
})

/**
 * A browser context as a visitor's: CaptchaLa's CDN answered by the emulator, the CDN the
 * element's README names answered from the package's own browser build, nothing else outside
 * this host. (Routes run last-registered first: the providers' hosts before the rest.)
 */
async function visitor(): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.route(/^https:\/\//, async (route) => {
    const url = new URL(route.request().url())
    if (url.href.startsWith(ELEMENT_CDN)) {
      return route.fulfill({
        contentType: 'text/javascript',
        body: readFileSync(elementBuild + url.href.slice(ELEMENT_CDN.length)),
      })
    }
    return route.abort()
  })
  await routeProviders(context, mock.emulator)
  return context
}

async function open(context: BrowserContext, taught: TaughtApp): Promise<Page> {
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  await page.goto(served.get(taught.name)!.url)
  return page
}

const check = (page: Page) => page.getByRole('button', { name: "I'm not a robot" })
const FAILED_WORDS = 'The security check could not load.'
const failure = (page: Page) => page.getByText(FAILED_WORDS)
/** Resolves once the core recipe's status line reads `text`. */
const statusIs = (page: Page, text: string) =>
  page
    .locator('#status', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .waitFor()

/**
 * Fills the form, solves the challenge and submits, as a person does; resolves with the signup
 * request and its answer. A binding's widget is ticked first and the form submitted once it is
 * solved; the core's recipe runs the challenge on the submit (CaptchaLa's widget appears, asks
 * for the click, and the recipe posts once it is solved).
 */
async function signUp(page: Page, taught: TaughtApp) {
  const submit = page.getByRole('button', { name: 'Sign up' })
  await page.getByLabel('Email').fill('ada@example.com')
  if (taught.shows === 'widget') {
    await check(page).click()
    // The recipes keep the button disabled until then; the plain form's is always enabled.
    await expect.poll(() => submit.isEnabled()).toBe(true)
    await page.getByText('Verified').waitFor()
  } else {
    await submit.click()
    await check(page).waitFor()
  }
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/signup'))
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/signup'))
  await (taught.shows === 'widget' ? submit : check(page)).click()
  return { request: await sent, response: await answered }
}

/** Resolves once the page says the captcha could not load, as its recipe says it. */
async function shownFailed(page: Page, taught: TaughtApp) {
  if (taught.shows === 'widget') {
    // In words, where the widget would be.
    await failure(page).waitFor()
    expect(await check(page).count()).toBe(0)
    return
  }
  // In words, on the status line the recipe writes; from here on, every text it shows is kept.
  await statusIs(page, FAILED_WORDS)
  await page.evaluate(() => {
    const line = document.querySelector('#status')!
    const shown: string[] = ((window as unknown as { shown: string[] }).shown = [])
    new MutationObserver(() => shown.push(line.textContent ?? '')).observe(line, {
      childList: true,
      characterData: true,
      subtree: true,
    })
  })
}

/** Resolves once the captcha works again and the failure is no longer shown. */
async function shownHealed(page: Page, taught: TaughtApp) {
  if (taught.shows === 'widget') {
    await check(page).waitFor()
    await expect.poll(() => failure(page).count()).toBe(0)
    return
  }
  await statusIs(page, 'ready')
  // The tries in between changed nothing on the page: the words until a widget was ready.
  const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown)
  expect(shown.filter((text) => text !== FAILED_WORDS)).toEqual(['ready'])
}

describe.each(TAUGHT_APPS)('$name, as its README teaches', (taught) => {
  it('signs up: the token is validated once, and a replay is refused', async () => {
    const context = await visitor()
    const page = await open(context, taught)
    const { request, response } = await signUp(page, taught)
    const body = request.postData()!
    if (taught.bundled) {
      expect(request.headers()['content-type']).toBe('application/json')
      expect(JSON.parse(body)).toMatchObject({ email: 'ada@example.com', captchaToken: /^pt_/ })
      expect(response.status()).toBe(201)
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Welcome aboard!')
    } else {
      // The browser posted the form itself; the recipe answers a form post with a redirect.
      expect(request.headers()['content-type']).toBe('application/x-www-form-urlencoded')
      expect(new URLSearchParams(body).get('captchaToken')).toMatch(/^pt_/)
      expect(response.status()).toBe(303)
      expect(response.headers()['location']).toBe('/welcome')
    }
    // The same request again: the token was spent by the first.
    const replay = await context.request.post(request.url(), {
      headers: { 'content-type': request.headers()['content-type']! },
      data: body,
      maxRedirects: 0,
    })
    expect(replay.status()).toBe(403)
    if (taught.bundled) {
      expect(await replay.json()).toMatchObject({ error: 'captcha_failed', reason: /^token_/ })
    } else {
      // A plain form is answered a page that says why.
      expect(await replay.text()).toMatch(/^<p>Sign-up refused \(token_\w+\)\./)
    }
    await context.close()
  })

  it('heals after a blocked loader on the first load, with nothing done in the page', async () => {
    const context = await visitor()
    const blocked = (url: URL) => url.pathname.endsWith('/captchala-loader.js')
    await context.route(blocked, (route) => route.abort())
    const page = await open(context, taught)
    await shownFailed(page, taught)
    await context.unroute(blocked)
    // No click, no reload: the captcha comes back by itself and the failure is no longer shown.
    await shownHealed(page, taught)
    const { response } = await signUp(page, taught)
    expect(response.status()).toBe(taught.bundled ? 201 : 303)
    await context.close()
  })
})
