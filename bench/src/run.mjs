// `pnpm bench` runs every benchmark and writes bench/results.md and bench/results.json.
// `pnpm bench --smoke` runs each one briefly, checks it still works, and writes nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { browserBench } from './browser.mjs'
import { policyMemory } from './policy-memory.mjs'
import { policyOverhead } from './policy-overhead.mjs'
import { renderMarkdown } from './report.mjs'
import { SELF_HOSTED, selfHostedTiming } from './self-hosted-timing.mjs'
import { serverOverhead } from './server-overhead.mjs'
import { measureSizes, WHAT_EACH_BYTE_BUYS } from './sizes.mjs'
import { validateThroughput } from './validate-throughput.mjs'

const smoke = process.argv.includes('--smoke')
const require = createRequire(import.meta.url)
// Fastify is the mock server's dependency, not the bench's: look there too.
const requires = [require, createRequire(require.resolve('@passline/mock-server'))]

/** A package's version from its package.json, found from its entry when its exports hide it. */
function versionOf(name) {
  for (const resolver of requires) {
    let entry
    try {
      entry = resolver.resolve(name)
    } catch {
      // A package whose root has no entry of its own (ng-packagr's: the build is in dist/).
      try {
        entry = resolver.resolve(`${name}/package.json`)
      } catch {
        continue
      }
    }
    for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, 'package.json')
      if (!existsSync(file)) continue
      const manifest = JSON.parse(readFileSync(file, 'utf8'))
      if (manifest.name === name) return manifest.version
    }
  }
  return 'unknown'
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
}
const versions = Object.fromEntries(
  [
    '@passline/core',
    '@passline/react',
    '@passline/vue',
    '@passline/svelte',
    '@passline/solid',
    '@passline/angular',
    '@passline/element',
    '@passline/server',
    '@passline/mock-server',
    '@marsidev/react-turnstile',
    '@hcaptcha/react-hcaptcha',
    'react-google-recaptcha',
    '@captchafox/react',
    'vue-turnstile',
    '@hcaptcha/vue3-hcaptcha',
    'svelte-turnstile',
    '@nerimity/solid-turnstile',
    'altcha',
    '@cap.js/widget',
    '@cap.js/wasm',
    '@friendlycaptcha/sdk',
    '@better-captcha/core',
    'react',
    'vue',
    'svelte',
    'solid-js',
    '@angular/core',
    'esbuild',
    'playwright-core',
    'fastify',
    'autocannon',
    'ioredis',
  ].map((name) => [name, versionOf(name)]),
)

const settings = smoke
  ? {
      browserRuns: 1,
      leakCycles: 5,
      validate: { runs: 1, seconds: 1 },
      overheadCalls: 20,
      policyRequests: 200,
      policyKeys: 1_000,
      // A light challenge: smoke checks the figures are there, not what they are.
      selfHostedDifficulty: {
        altcha: { counter: { min: 10, max: 20 } },
        cap: { challengeDifficulty: 2 },
      },
    }
  : {
      browserRuns: 15,
      leakCycles: 1000,
      validate: { runs: 3, seconds: 10 },
      overheadCalls: 2000,
      policyRequests: 20_000,
      policyKeys: 100_000,
      // The providers' defaults: the work a visitor's browser is really asked for.
      selfHostedDifficulty: {},
    }

const sizes = await measureSizes()
const browser = await browserBench({ runs: settings.browserRuns, leakCycles: settings.leakCycles })
const selfHosted = {
  date: new Date().toISOString(),
  ...(await selfHostedTiming({
    runs: settings.browserRuns,
    difficulty: settings.selfHostedDifficulty,
  })),
}
const validate = await validateThroughput(settings.validate)
const overhead = await serverOverhead({ calls: settings.overheadCalls })
const policy = {
  date: new Date().toISOString(),
  ...(await policyOverhead({ requests: settings.policyRequests })),
  storage: policyMemory({ keys: settings.policyKeys }),
}
versions.chromium = browser.chromium

const results = {
  date: new Date().toISOString(),
  machine,
  versions,
  settings,
  sizes,
  buys: WHAT_EACH_BYTE_BUYS,
  browser,
  selfHosted,
  validate,
  overhead,
  policy,
}

if (smoke) {
  // Every figure is there and finite: a benchmark that stopped measuring fails here.
  const numbers = JSON.stringify(results).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []
  if (JSON.stringify(results).includes('null') || numbers.some((n) => !Number.isFinite(+n)))
    throw new Error('bench smoke: a figure is missing')
  // A provider dropped from the figures leaves no null behind: each must be there by name.
  for (const provider of SELF_HOSTED) {
    const { tokenMs, widgetTokenMs } = selfHosted.timings[provider] ?? {}
    if (!(tokenMs > 0 && widgetTokenMs > 0))
      throw new Error(`bench smoke: no mount-to-token figure for ${provider}`)
  }
  console.log(
    `bench smoke: ${sizes.length} sizes; ready ${browser.timings.vanilla.readyMs.toFixed(0)} ms (core); ` +
      `${browser.renders.mountToVerified} React commits to verified; ` +
      `to a token ${SELF_HOSTED.map((p) => `${p} ${selfHosted.timings[p].tokenMs.toFixed(0)} ms`).join(', ')}; ` +
      `validate ${Math.round(validate.mock.requestsPerSecond)} req/s vs bare ${Math.round(validate.bare.requestsPerSecond)} (Fastify ${Math.round(validate.fastify.requestsPerSecond)}); ` +
      `server SDK ${overhead.overheadMs >= 0 ? '+' : ''}${overhead.overheadMs.toFixed(3)} ms/call; ` +
      `policy p50 ${policy.memory.p50Ms.toFixed(3)} ms (memory) / ${policy.redis.p50Ms.toFixed(3)} ms (Redis), ` +
      `${Math.round(policy.storage.oneFailure.bytesPerKey)} B/key`,
  )
} else {
  writeFileSync(
    new URL('../results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  const markdown = renderMarkdown(results)
  writeFileSync(new URL('../results.md', import.meta.url), markdown)
  console.log(markdown)
}
