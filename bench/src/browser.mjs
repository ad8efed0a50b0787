// Browser figures in Chromium against the mock server: time from mount to ready and to verified
// (the invisible test key) per binding next to a bare page that calls the loader and
// `Captchala.init` by hand; React commits; and leaks over many mount/unmount cycles.
import { mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createMockServer } from '@passline/mock-server'
import { build } from 'esbuild'
import sveltePlugin from 'esbuild-svelte'
import { angularLinker } from '../../scripts/angular-linker.mjs'
import { chromium } from 'playwright-core'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs'
import { median } from './stats.mjs'

const pagesDir = fileURLToPath(new URL('../pages/', import.meta.url))
const outDir = fileURLToPath(new URL('../.tmp/pages/', import.meta.url))
export const BINDINGS = ['bare', 'vanilla', 'react', 'vue', 'svelte', 'solid', 'angular', 'element']
const ENTRIES = {
  bare: 'bare.ts',
  vanilla: 'vanilla.ts',
  react: 'react.tsx',
  vue: 'vue.ts',
  svelte: 'svelte.ts',
  solid: 'solid.ts',
  angular: 'angular.ts',
  element: 'element.ts',
}
// React's production build with profiling kept, so <Profiler> counts commits; only for the
// render counts, since its performance tracks fill the timeline (and the heap) by design.
const PROFILING = 'react-profiling'
// The frameworks alone, mounting and unmounting the same way: the leak figures' control rows.
const CONTROLS = {
  'react-baseline': 'react-baseline.tsx',
  'vue-baseline': 'vue-baseline.ts',
  'svelte-baseline': 'svelte-baseline.ts',
  'solid-baseline': 'solid-baseline.ts',
}
const PAGES = [...BINDINGS, PROFILING, ...Object.keys(CONTROLS)]
const SITE_KEY = 'test_pass_invisible'

/** Each page bundled for production, as an app would ship it. */
async function buildPages() {
  mkdirSync(outDir, { recursive: true })
  const options = {
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir: outDir,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', ngDevMode: 'false' },
    // Svelte components and `.svelte.js` modules compiled for the browser, and Angular's
    // partial declarations linked, as an app's build does.
    plugins: [
      sveltePlugin({ compilerOptions: { css: 'injected' } }),
      angularLinker({ resolveFrom: new URL('../package.json', import.meta.url) }),
    ],
    // @passline/angular as ng-packagr publishes it.
    alias: {
      '@passline/angular': fileURLToPath(new URL('../../packages/angular/dist', import.meta.url)),
    },
    logLevel: 'silent',
  }
  await build({
    ...options,
    entryPoints: Object.fromEntries(
      Object.entries({ ...ENTRIES, ...CONTROLS }).map(([name, file]) => [name, pagesDir + file]),
    ),
  })
  await build({
    ...options,
    entryPoints: { [PROFILING]: `${pagesDir}${ENTRIES.react}` },
    alias: { 'react-dom/client': 'react-dom/profiling' },
  })
}

/** The "customer site": one page per binding, on its own origin. */
function startSite() {
  const server = createServer((request, response) => {
    const name = new URL(request.url, 'http://x').pathname.slice(1).replace(/\.js$/, '')
    if (!PAGES.includes(name)) return response.writeHead(404).end()
    if (request.url.endsWith('.js')) {
      response.writeHead(200, { 'content-type': 'text/javascript' })
      return response.end(readFileSync(`${outDir}${name}.js`))
    }
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end(
      `<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="/${name}.js"></script>`,
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

/** Mounts once on a fresh page; resolves with { ready, verified } in ms. */
async function timeOnce(browser, site, loaderUrl, binding) {
  // A fresh context per run: nothing cached, so every run loads the scripts.
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${site.url}/${binding}`)
  await page.waitForFunction(() => window.benchBinding)
  const result = await page.evaluate(
    async ({ loaderUrl, siteKey }) => {
      const mounted = window.benchBinding.mount(document.getElementById('root'), {
        loaderUrl,
        siteKey,
        verify: true,
      })
      return { ready: await mounted.ready, verified: await mounted.verified }
    },
    { loaderUrl, siteKey: SITE_KEY },
  )
  await context.close()
  return result
}

/** React commits from mount to verified, and after the parent passes a new callback. */
async function countRenders(browser, site, loaderUrl) {
  const page = await browser.newPage()
  await page.goto(`${site.url}/${PROFILING}`)
  await page.waitForFunction(() => window.benchBinding)
  const counts = await page.evaluate(
    async ({ loaderUrl, siteKey }) => {
      const inits = { count: 0 }
      const mounted = window.benchBinding.mount(document.getElementById('root'), {
        loaderUrl,
        siteKey,
        verify: true,
      })
      await mounted.verified
      // Let the commits the verified state causes land.
      await new Promise((resolve) => setTimeout(resolve, 50))
      const toVerified = window.benchRenders.commits
      const init = window.Captchala.init
      window.Captchala.init = (...args) => (inits.count++, init(...args))
      window.benchRenders.commits = 0
      window.benchRenders.changeCallback()
      await new Promise((resolve) => setTimeout(resolve, 50))
      return {
        mountToVerified: toVerified,
        callbackChange: window.benchRenders.commits,
        widgetRecreatedOnCallbackChange: inits.count,
      }
    },
    { loaderUrl, siteKey: SITE_KEY },
  )
  await page.close()
  return counts
}

/**
 * Mount/unmount cycles on one page, each waiting for `ready`: DOM nodes, script tags, event
 * listeners and pending timers counted before and after (listeners and timers through
 * wrappers installed before any page script), and the JS heap after a forced GC.
 */
async function measureLeaks(browser, site, loaderUrl, binding, cycles) {
  const page = await browser.newPage()
  await page.addInitScript(() => {
    // Listeners by target, type, listener and capture; only those on the window, the document
    // or a connected node count (a detached container's go with it).
    const listeners = new Map()
    const ids = new WeakMap()
    let nextId = 0
    const idOf = (object) => {
      if (!ids.has(object)) ids.set(object, ++nextId)
      return ids.get(object)
    }
    const keyOf = (target, type, listener, options) =>
      `${idOf(target)}|${type}|${idOf(listener)}|${typeof options === 'boolean' ? options : Boolean(options?.capture)}`
    const add = EventTarget.prototype.addEventListener
    const remove = EventTarget.prototype.removeEventListener
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      if (listener) listeners.set(keyOf(this, type, listener, options), new WeakRef(this))
      return add.call(this, type, listener, options)
    }
    EventTarget.prototype.removeEventListener = function (type, listener, options) {
      if (listener) listeners.delete(keyOf(this, type, listener, options))
      return remove.call(this, type, listener, options)
    }
    const live = (target) =>
      target === window || target === document || (target instanceof Node && target.isConnected)
    window.benchPrune = () => {
      for (const [key, ref] of listeners) {
        const target = ref.deref()
        if (!target || !live(target)) listeners.delete(key)
      }
    }
    const timers = new Set()
    const set = window.setTimeout
    const clear = window.clearTimeout
    window.setTimeout = (fn, ms, ...rest) => {
      const handle = set(
        (...args) => {
          timers.delete(handle)
          if (typeof fn === 'function') fn(...args)
        },
        ms,
        ...rest,
      )
      timers.add(handle)
      return handle
    }
    window.clearTimeout = (handle) => {
      timers.delete(handle)
      return clear(handle)
    }
    window.benchCounts = () => {
      window.benchPrune()
      return {
        domNodes: document.getElementsByTagName('*').length,
        scriptTags: document.scripts.length,
        listeners: listeners.size,
        timers: timers.size,
      }
    }
  })
  await page.goto(`${site.url}/${binding}`)
  await page.waitForFunction(() => window.benchBinding)
  const session = await page.context().newCDPSession(page)
  const heap = async () => {
    await session.send('HeapProfiler.collectGarbage')
    return (await session.send('Runtime.getHeapUsage')).usedSize
  }
  const cycle = (count) =>
    page.evaluate(
      async ({ loaderUrl, siteKey, count }) => {
        const root = document.getElementById('root')
        for (let i = 0; i < count; i++) {
          const container = root.appendChild(document.createElement('div'))
          const mounted = window.benchBinding.mount(container, {
            loaderUrl,
            siteKey,
            verify: false,
          })
          await mounted.ready
          mounted.unmount()
          container.remove()
          window.benchPrune()
        }
        // Settled work (microtasks, zero-delay timers) finishes before counting.
        await new Promise((resolve) => setTimeout(resolve, 100))
      },
      { loaderUrl, siteKey: SITE_KEY, count },
    )
  // One warm-up cycle loads the scripts: what stays after it is the page's, not a leak.
  await cycle(1)
  const counts = async () => ({
    ...(await page.evaluate(() => window.benchCounts())),
    heapBytes: await heap(),
  })
  const before = await counts()
  // The heap also grows while the engine warms up (compiled code, caches) and then levels off;
  // a leak keeps growing, so the second half's growth is what tells them apart.
  await cycle(cycles / 2)
  const halfway = await counts()
  await cycle(cycles / 2)
  const after = await counts()
  await page.close()
  return { cycles, before, halfway, after }
}

export async function browserBench({ runs, leakCycles }) {
  await buildPages()
  const mock = await createMockServer()
  const site = await startSite()
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })
  const loaderUrl = `${mock.url}/captchala-loader.js`
  try {
    const timings = {}
    // The controls' `ready` is their first commit: the framework's own share of a binding's.
    const frameworkFirstMountMs = {}
    for (const binding of [...BINDINGS, ...Object.keys(CONTROLS)]) {
      await timeOnce(browser, site, loaderUrl, binding) // warm-up
      const samples = []
      for (let run = 0; run < runs; run++)
        samples.push(await timeOnce(browser, site, loaderUrl, binding))
      const readyMs = median(samples.map((sample) => sample.ready))
      if (binding in CONTROLS) frameworkFirstMountMs[binding] = readyMs
      else timings[binding] = { readyMs, verifiedMs: median(samples.map((s) => s.verified)) }
    }
    const renders = await countRenders(browser, site, loaderUrl)
    const leaks = {}
    for (const binding of [...BINDINGS, ...Object.keys(CONTROLS)])
      leaks[binding] = await measureLeaks(browser, site, loaderUrl, binding, leakCycles)
    return {
      runs,
      chromium: browser.version(),
      timings,
      frameworkFirstMountMs,
      renders,
      leaks,
    }
  } finally {
    await browser.close()
    await site.close()
    await mock.close()
  }
}
