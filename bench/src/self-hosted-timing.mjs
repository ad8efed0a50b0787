// Browser figures for the providers whose challenge is proof of work: from mount to a token for
// ALTCHA and Cap (challenges issued by @passline/server) and Friendly Captcha (the emulator),
// each next to the provider's own widget alone, started by hand the same way: the floor.
import { mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createMockServer } from '@passline/mock-server'
import { createVerifier } from '@passline/server'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs'
import { median } from './stats.mjs'

export const SELF_HOSTED = ['altcha', 'cap', 'friendlycaptcha']
const FRIENDLY_SITE_KEY = 'FCMPASSLINEDEMO1'
const page = fileURLToPath(new URL('../pages/self-hosted.ts', import.meta.url))
const outDir = fileURLToPath(new URL('../.tmp/self-hosted/', import.meta.url))
const require = createRequire(import.meta.url)

// The widgets' own published files, as apps/demo-api serves them: nothing from a CDN. Cap's
// widget fetches its WASM solver from jsDelivr unless `window.CAP_CUSTOM_WASM_URL` says where.
const WIDGETS = {
  'altcha.js': [join(dirname(require.resolve('altcha')), 'altcha.min.js'), 'text/javascript'],
  'cap.js': [require.resolve('@cap.js/widget/cap.min.js'), 'text/javascript'],
  'cap_wasm_bg.wasm': [
    join(dirname(require.resolve('@cap.js/wasm/package.json')), 'browser/cap_wasm_bg.wasm'),
    'application/wasm',
  ],
}

/** One production bundle per provider, as an app with that provider alone would ship it. */
async function buildPages() {
  mkdirSync(outDir, { recursive: true })
  for (const provider of SELF_HOSTED)
    await build({
      entryPoints: { [provider]: page },
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      // The adapter stays the chunk the page fetches at mount, as in an app.
      splitting: true,
      outdir: `${outDir}${provider}/`,
      define: { BENCH_PROVIDER: JSON.stringify(provider) },
      logLevel: 'silent',
    })
}

/** The site: the pages, the widgets' files, and ALTCHA's and Cap's challenge endpoints. */
function startSite(verifiers) {
  const files = Object.fromEntries(
    Object.entries(WIDGETS).map(([name, [path, type]]) => [
      name,
      { body: readFileSync(path), type },
    ]),
  )
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1')
    const [, first, rest] = url.pathname.split('/', 3).concat('')
    const send = (type, body) => response.writeHead(200, { 'content-type': type }).end(body)
    if (first === 'widgets' && files[rest]) return send(files[rest].type, files[rest].body)
    if (url.pathname === '/altcha/challenge')
      return send('application/json', JSON.stringify(await verifiers.altcha.issueChallenge()))
    if (first === 'cap' && request.method === 'POST') {
      const chunks = []
      for await (const chunk of request) chunks.push(chunk)
      const answer = await verifiers.cap.handle(
        new Request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.concat(chunks),
        }),
      )
      response.writeHead(answer.status, Object.fromEntries(answer.headers))
      return response.end(await answer.text())
    }
    if (SELF_HOSTED.includes(first) && rest.endsWith('.js'))
      return send('text/javascript', readFileSync(`${outDir}${first}/${rest}`))
    // A blank page for the floor, and one loading its provider's bundle for Passline.
    const script = SELF_HOSTED.includes(first)
      ? `<script type="module" src="/${first}/${first}.js"></script>`
      : ''
    send(
      'text/html',
      `<!doctype html><meta charset="utf-8"><div id="root"></div><script>window.CAP_CUSTOM_WASM_URL = '/widgets/cap_wasm_bg.wasm'</script>${script}`,
    )
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  )
}

/** The widget alone: its script loaded by hand, then started at once; ms until its token. */
function floor({ provider, siteKey, scriptUrl }) {
  const start = performance.now()
  const root = document.getElementById('root')
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = scriptUrl
    // ALTCHA 3 is an ES module; Cap's and Friendly's are classic scripts.
    if (provider === 'altcha') script.type = 'module'
    script.onerror = () => reject(new Error(`${scriptUrl} failed to load`))
    const done = () => resolve(performance.now() - start)
    script.onload = async () => {
      if (provider === 'altcha') {
        // Its own auto-start: it fetches and solves the challenge as soon as it is attached.
        const widget = document.createElement('altcha-widget')
        widget.setAttribute('challenge', siteKey)
        widget.setAttribute('auto', 'onload')
        widget.setAttribute('display', 'invisible')
        widget.addEventListener('verified', done)
        root.append(widget)
      } else if (provider === 'cap') {
        const widget = document.createElement('cap-widget')
        widget.setAttribute('data-cap-api-endpoint', siteKey)
        widget.style.display = 'none'
        widget.addEventListener('solve', done)
        widget.addEventListener('error', (event) => reject(new Error(event.detail?.message)))
        root.append(widget)
        await customElements.whenDefined('cap-widget')
        widget.solve()
      } else {
        const element = root.appendChild(document.createElement('div'))
        element.addEventListener('frc:widget.complete', done)
        window.frcaptcha.createWidget({ element, sitekey: siteKey, startMode: 'none' }).start()
      }
    }
    document.head.append(script)
  })
}

/** One token on a fresh context (nothing cached): Passline's page, or the widget alone. */
async function timeOnce(browser, site, options, alone) {
  const context = await browser.newContext()
  try {
    const tab = await context.newPage()
    if (alone) {
      await tab.goto(`${site.url}/floor`)
      return await tab.evaluate(floor, options)
    }
    await tab.goto(`${site.url}/${options.provider}/`)
    await tab.waitForFunction(() => window.benchSelfHosted)
    return await tab.evaluate((o) => window.benchSelfHosted.token(o), options)
  } finally {
    await context.close()
  }
}

/**
 * The work asked, read from a challenge each verifier issues; ALTCHA's counter is not in its
 * challenge (the server keeps it), so it is the range given, or 'default'.
 */
async function difficultyOf(verifiers, given) {
  const { algorithm, cost } = (await verifiers.altcha.issueChallenge()).parameters
  const { c, s, d } = (await verifiers.cap.issueChallenge()).challenge
  return {
    altcha: { algorithm, cost, counter: given.altcha?.counter ?? 'default' },
    cap: { challengeCount: c, challengeSize: s, challengeDifficulty: d },
  }
}

/**
 * `difficulty`: `createVerifier`'s options for ALTCHA and Cap; none means the providers'
 * defaults, which are what a visitor meets. Friendly's work is the emulator's.
 */
export async function selfHostedTiming({ runs, difficulty = {} }) {
  await buildPages()
  const verifiers = {
    altcha: createVerifier({ provider: 'altcha', secret: 'bench-altcha', ...difficulty.altcha }),
    cap: createVerifier({ provider: 'cap', secret: 'bench-cap', ...difficulty.cap }),
  }
  const mock = await createMockServer()
  const site = await startSite(verifiers)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
  const targets = {
    altcha: { siteKey: '/altcha/challenge', scriptUrl: '/widgets/altcha.js' },
    cap: { siteKey: '/cap/', scriptUrl: '/widgets/cap.js' },
    friendlycaptcha: {
      siteKey: FRIENDLY_SITE_KEY,
      scriptUrl: `${mock.url}/friendlycaptcha/site.min.js`,
    },
  }
  try {
    const timings = {}
    for (const provider of SELF_HOSTED) {
      const options = { provider, ...targets[provider] }
      // Interleaved run by run, so a busy moment on the machine weighs on both alike.
      const passline = []
      const widget = []
      for (let run = 0; run < runs; run++) {
        passline.push(await timeOnce(browser, site, options, false))
        widget.push(await timeOnce(browser, site, options, true))
      }
      timings[provider] = {
        tokenMs: median(passline),
        widgetTokenMs: median(widget),
        minMs: Math.min(...passline),
        maxMs: Math.max(...passline),
      }
    }
    return { runs, difficulty: await difficultyOf(verifiers, difficulty), timings }
  } finally {
    await browser.close()
    await site.close()
    await mock.close()
  }
}
