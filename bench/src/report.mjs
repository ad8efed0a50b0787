// bench/results.md from the results object: every figure with its machine, versions and runs.

const fmt = (n) => Math.round(n).toLocaleString('en-US')
const ms = (n) => `${n.toFixed(1)} ms`
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

export function renderMarkdown({
  date,
  machine,
  versions,
  settings,
  sizes,
  sizesDate = date,
  buys,
  browser,
  validate,
  overhead,
  policy,
}) {
  const sizeRows = sizes
    .map(({ name, framework, provider, min, gzip }) => {
      const ours = name.startsWith('@passline/')
      const label = ours ? `**${name}**` : name
      return `| ${label} | ${framework} | ${provider} | ${fmt(min)} | ${fmt(gzip)} |`
    })
    .join('\n')
  const buyRows = buys
    .map(({ name, retry, refresh, settles, ssr, form }) => {
      const label = name.startsWith('@passline/') ? `**${name}**` : name
      return `| ${label} | ${retry} | ${refresh} | ${settles} | ${ssr} | ${form} |`
    })
    .join('\n')
  const floor = browser.timings.bare
  const timingRows = Object.entries(browser.timings)
    .map(([binding, { readyMs, verifiedMs }]) => {
      const name = {
        bare: 'bare page (floor)',
        vanilla: '@passline/core',
        react: '@passline/react',
        vue: '@passline/vue',
        svelte: '@passline/svelte',
        solid: '@passline/solid',
        angular: '@passline/angular',
        element: '@passline/element',
      }[binding]
      const ratio = (value, base) => (binding === 'bare' ? '1.00' : (value / base).toFixed(2))
      return `| ${name} | ${ms(readyMs)} | ${ratio(readyMs, floor.readyMs)} | ${ms(verifiedMs)} | ${ratio(verifiedMs, floor.verifiedMs)} |`
    })
    .join('\n')
  const leakName = {
    bare: 'bare page (the SDK alone)',
    vanilla: '@passline/core',
    react: '@passline/react',
    vue: '@passline/vue',
    svelte: '@passline/svelte',
    solid: '@passline/solid',
    angular: '@passline/angular',
    element: '@passline/element',
    'react-baseline': 'React alone, no CAPTCHA (control)',
    'vue-baseline': 'Vue alone, no CAPTCHA (control)',
    'svelte-baseline': 'Svelte alone, no CAPTCHA (control)',
    'solid-baseline': 'Solid alone, no CAPTCHA (control)',
  }
  const delta = (after, before) => `${before} → ${after}`
  const leakRows = Object.entries(browser.leaks)
    .map(([binding, { before, halfway, after, cycles }]) => {
      const perCycle = (from, to) => {
        const bytes = (to.heapBytes - from.heapBytes) / (cycles / 2)
        return `${bytes >= 0 ? '+' : ''}${fmt(bytes)}`
      }
      return `| ${leakName[binding]} | ${delta(after.domNodes, before.domNodes)} | ${delta(after.scriptTags, before.scriptTags)} | ${delta(after.listeners, before.listeners)} | ${delta(after.timers, before.timers)} | ${kb(before.heapBytes)} → ${kb(halfway.heapBytes)} → ${kb(after.heapBytes)} | ${perCycle(before, halfway)} / ${perCycle(halfway, after)} |`
    })
    .join('\n')
  const throughputRows = [
    ['mock server `/v1/validate`', validate.mock],
    ['bare `node:http` JSON endpoint', validate.bare],
    ['bare Fastify JSON endpoint (floor)', validate.fastify],
  ]
    .map(
      ([name, { requestsPerSecond, p99Ms, cpuMicrosPerRequest }]) =>
        `| ${name} | ${fmt(requestsPerSecond)} | ${p99Ms} ms | ${cpuMicrosPerRequest.toFixed(1)} µs |`,
    )
    .join('\n')

  return `# Passline benchmarks

Measured ${date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB),
Node ${machine.node}, ${machine.platform}, Chromium ${versions.chromium}.

Versions: ${Object.entries(versions)
    .filter(([name]) => name !== 'chromium')
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')}.

Figures are medians: ${settings.browserRuns} runs per binding in the browser, ${settings.validate.runs} runs of ${settings.validate.seconds} s for throughput, ${settings.overheadCalls} calls for the server SDK; ${settings.leakCycles} cycles per binding for leaks. Regenerate with \`pnpm bench\`.

## Size

Measured ${sizesDate.slice(0, 10)}. What a page loads, bundled with esbuild (minified, ES2022,
frameworks external, a binding's own dependencies included), in bytes. For Passline, the entry
plus the chunks it imports, plus the provider's adapter chunk that the page fetches when it
renders that provider (\`scripts/bundle-size.mjs\`, the same code as the size budgets).

| entry | framework | provider | min | min+gzip |
| --- | --- | --- | ---: | ---: |
${sizeRows}

For Passline, \`@passline/core/<provider>\` is the same API with one provider's adapter carried
along: no registry, no chunk to fetch (an app can alias \`@passline/core\` to it).

\`altcha\`, \`@cap.js/widget\` and \`@friendlycaptcha/sdk\` are those providers' own widgets, which
a page with them loads in any case (a Passline page from \`scriptUrl\`): such a page is
Passline's row plus the widget's.

### What each byte buys

What each package's own code does (read in its shipped build at the version measured), apart
from what the provider's widget does by itself.

| package | retry | refresh | settles | SSR | form |
| --- | --- | --- | --- | --- | --- |
${buyRows}

## Browser: mount to ready, and to verified

Chromium against the mock server, the invisible test key \`test_pass_invisible\`, a fresh
browser context per run (nothing cached: every run loads the loader, the SDK and its styles).
From the mount call to status \`ready\`, and to a token from \`getToken()\` run once ready. The
floor is a bare page that loads the loader and calls \`Captchala.init\` by hand, attaching the widget and calling \`verify()\` once ready (as an invisible flow does);
the ratio is each binding over it. Pages are production bundles (\`bench/pages/\`).

| binding | to ready | ratio | to verified | ratio |
| --- | ---: | ---: | ---: | ---: |
${timingRows}

Of the bindings' time, the framework's own first mount: a one-\`<div>\` tree on the same pages
set-up, from the mount call to its first commit, takes React ${ms(browser.frameworkFirstMountMs['react-baseline'])}
(StrictMode), Vue ${ms(browser.frameworkFirstMountMs['vue-baseline'])}, Svelte ${ms(browser.frameworkFirstMountMs['svelte-baseline'])} and Solid ${ms(browser.frameworkFirstMountMs['solid-baseline'])}; the widget starts loading only after it.

## Renders (React)

\`<Captcha>\` inside \`<StrictMode>\` and a \`<Profiler>\` (React's profiling production build).

| | commits |
| --- | ---: |
| mount to verified | ${browser.renders.mountToVerified} |
| the parent passes a new \`onVerify\` function | ${browser.renders.callbackChange} |
| widgets re-created by that change | ${browser.renders.widgetRecreatedOnCallbackChange} |

## Leaks: ${settings.leakCycles} mount/unmount cycles

One page per binding; each cycle mounts a widget, waits for \`ready\` and unmounts it. Counted
after one warm-up cycle (which loads the scripts) and after all cycles: DOM nodes, script tags,
event listeners on the window, the document and connected nodes, and pending timers (through
wrappers installed before any page script), and the JS heap after a forced GC (CDP), also
halfway. The heap grows while the engine warms up and then levels off; a leak keeps growing,
so the second half's growth per cycle is the figure to read. The control rows mount and
unmount the framework alone the same way.

| binding | DOM nodes | script tags | listeners | pending timers | heap after GC: start → halfway → end | B per cycle, first half / second half |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${leakRows}

## Server

\`POST /v1/validate\` under autocannon, ${validate.connections} connections, ${validate.secondsPerRun} s per run after a
warm-up second, the three servers interleaved run by run; each server in its own process.
Pinning: ${validate.pinning}. The mock checks the app key and secret, the rate limit, the JSON
body against its schema, the token's signature, expiry and replay store on every request
(\`keep_token: true\`, so each stays valid). The two others answer the same JSON body with a
fixed answer: one on \`node:http\` alone, one on Fastify with its defaults, the framework's floor.
CPU is the server process's own time (user + system) per request.

| endpoint | requests/s | p99 latency | server CPU per request |
| --- | ---: | ---: | ---: |
${throughputRows}
| **ratio** mock / \`node:http\` (goal ≥ 0.7) | **${validate.ratio.toFixed(2)}** | | |
| ratio Fastify floor / \`node:http\` | ${validate.fastifyRatio.toFixed(2)} | | |

\`@passline/server\`'s \`CaptchalaClient.validate()\` next to the same request made with a bare
\`fetch\`, one call at a time against the mock in its own process, alternating, ${overhead.calls} pairs:

| | per call |
| --- | ---: |
| bare \`fetch\` | ${overhead.bareFetchMs.toFixed(3)} ms |
| \`CaptchalaClient.validate()\` | ${overhead.clientMs.toFixed(3)} ms |
| **overhead** (median of the pairs' differences) | **${overhead.overheadMs.toFixed(3)} ms** |

## Escalation policy

Measured ${(policy.date ?? date).slice(0, 10)}. What \`createPolicy\` adds to a request: \`check()\` before the verification and \`record()\`
after it, timed together, ${policy.memory.requests} requests from a pool of 5,000 client IPs, one in ten a token
failure. Redis is a local \`redis-server\` reached with ioredis ${versions.ioredis}: two round trips a
request, each one Lua script.

| store | p50 | p99 |
| --- | ---: | ---: |
| \`memoryStore()\` | ${(policy.memory.p50Ms * 1000).toFixed(0)} µs | ${(policy.memory.p99Ms * 1000).toFixed(0)} µs |
| \`redisStore()\` | ${(policy.redis.p50Ms * 1000).toFixed(0)} µs | ${(policy.redis.p99Ms * 1000).toFixed(0)} µs |

\`memoryStore()\` memory: heap growth after a forced GC for ${fmt(policy.storage.oneFailure.keys)} keys, in a
process of its own.

| each key holds | total | per key |
| --- | ---: | ---: |
| 1 failure | ${kb(policy.storage.oneFailure.bytes)} | ${fmt(policy.storage.oneFailure.bytesPerKey)} B |
| 20 failures (\`blockAfter\`, the most a key keeps) | ${kb(policy.storage.twentyFailures.bytes)} | ${fmt(policy.storage.twentyFailures.bytesPerKey)} B |
`
}
