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
  selfHosted,
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

  const proofOfWork = renderSelfHosted(selfHosted, machine, versions)

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

\`@better-captcha/core\` rows are better-captcha's own provider for Cap and for Friendly Captcha
(it has none for ALTCHA), which its framework wrappers add their code to; like a Passline page,
it loads the widget from the provider's URL besides.

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

${proofOfWork}

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

const PROVIDER_NAMES = { altcha: 'ALTCHA', cap: 'Cap', friendlycaptcha: 'Friendly Captcha' }

/** Mount to a token for ALTCHA, Cap and Friendly Captcha, with the work their challenges asked. */
function renderSelfHosted({ date, runs, difficulty, timings }, machine, versions) {
  const { altcha, cap } = difficulty
  // ALTCHA's counter is not in its challenge: the range given, or the server's default.
  const counter =
    altcha.counter === 'default'
      ? "`@passline/server`'s default range"
      : `${fmt(altcha.counter.min)}–${fmt(altcha.counter.max)}`
  const rows = Object.entries(timings)
    .map(
      ([provider, { tokenMs, minMs, maxMs, widgetTokenMs }]) =>
        `| ${PROVIDER_NAMES[provider]} | ${ms(tokenMs)} | ${ms(minMs)} – ${ms(maxMs)} | ${ms(widgetTokenMs)} | ${(tokenMs / widgetTokenMs).toFixed(2)} |`,
    )
    .join('\n')
  return `## Browser: mount to a token with ALTCHA, Cap and Friendly Captcha

Measured ${date.slice(0, 10)} on the machine above (${machine.cores} cores), ${runs} runs per provider,
medians. A production page per provider (\`bench/pages/self-hosted.ts\`, esbuild; the adapter is
the chunk it fetches at mount): \`createCaptcha\` from \`@passline/core\` with \`execution:
'execute'\`, mounted, then \`getToken()\` at once; from the \`createCaptcha\` call to the token, on
a fresh browser context per run (nothing cached). The widgets are their own published files
served from the page's origin (altcha ${versions.altcha}, @cap.js/widget ${versions['@cap.js/widget']}, and Cap's solver from
@cap.js/wasm ${versions['@cap.js/wasm']} through \`window.CAP_CUSTOM_WASM_URL\`, as the demo backend does).

ALTCHA's and Cap's challenges are issued by \`@passline/server\`'s \`createVerifier\` at the
providers' default difficulty, the work a visitor's browser is asked for (read back from the
challenges): ALTCHA ${altcha.algorithm}, cost ${fmt(altcha.cost)}, counter ${counter}
(drawn at random per challenge, so the work differs run to run); Cap ${cap.challengeCount} puzzles of
${cap.challengeSize} characters at difficulty ${cap.challengeDifficulty}. Friendly Captcha's site script and API are the emulator's
(\`@passline/mock-server\`, the demo site key \`FCMPASSLINEDEMO1\`): its row is the page, the
script and the round trips, not Friendly Captcha's own puzzle, which the emulator does not
reproduce.

The floor is the widget alone on a blank page, its script added by hand and started at once
(ALTCHA's \`auto="onload"\`, Cap's \`solve()\`, Friendly's \`createWidget\` then \`start()\`), run
by run in turn with Passline's page. With proof of work on ${machine.cores} cores, the solve is most
of the time and varies with it: the ratio says Passline adds nothing of that order, not a
precise overhead.

| provider | Passline: mount to token | Passline: min – max | widget alone (floor) | ratio |
| --- | ---: | ---: | ---: | ---: |
${rows}`
}
