// Runs every gate of `pnpm test` in order, keeps going after a failure so one run shows
// everything that is wrong, and ends with the single line `N passed, N failed`.
// Each test case counts once; each check that has no test cases (build, typecheck, lint,
// package checks, size budgets) counts once as well.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const resultsDir = '.test-results'
rmSync(resultsDir, { recursive: true, force: true })
mkdirSync(resultsDir, { recursive: true })

// The main run is on Node 24, our development Node: on linux-x64 the root's optional dependency
// `node24-linux-x64` is the `node` pnpm puts first on every script's PATH, whichever Node
// started `npm test`. Anywhere it is not installed, the machine's own Node runs everything.
const developmentNode = 'node_modules/node24-linux-x64/package.json'
if (existsSync(developmentNode) && process.versions.node.split('.')[0] !== '24') {
  console.error(
    `run-checks: the main run must be on Node 24 (${developmentNode}), but this is Node ${process.versions.node}: run it with \`pnpm run checks\` or \`npm test\`.`,
  )
  process.exit(1)
}
console.log(`run-checks: main run on Node ${process.versions.node}`)

const stages = [
  { name: 'build', command: 'turbo run build --output-logs=errors-only' },
  { name: 'typecheck', command: 'turbo run typecheck --output-logs=errors-only' },
  { name: 'lint', command: 'eslint . --max-warnings=0 && prettier --check . --log-level=warn' },
  { name: 'README snippets', command: 'node scripts/check-snippets.mjs' },
  {
    name: 'unit tests',
    command: `vitest run --reporter=default --reporter=json --outputFile.json=${resultsDir}/unit.json`,
    results: `${resultsDir}/unit.json`,
  },
  {
    // The Node-facing tests again on the registry's Node 20 and 22: scripts/compat-nodes.mjs.
    name: 'compatibility (Node 20, 22)',
    command: `node scripts/compat-nodes.mjs --outputFile ${resultsDir}/compat.json`,
    results: `${resultsDir}/compat.json`,
  },
  { name: 'package checks', command: 'turbo run check:package --output-logs=errors-only' },
  {
    // The packed tarballs in a minimal app of each current meta-framework major, built and
    // served on Node 24 and 22, used in Chromium: apps/e2e/packed/packed-apps.test.ts.
    name: 'packed apps (Node 24, 22)',
    when: () => existsSync('apps/e2e/package.json'),
    command: `pnpm --filter @passline/e2e exec vitest run --config vitest.packed.config.ts --reporter=default --reporter=json --outputFile.json=../../${resultsDir}/packed-apps.json`,
    results: `${resultsDir}/packed-apps.json`,
  },
  { name: 'size budgets', command: 'node scripts/size.mjs' },
  {
    name: 'nuxt module tests',
    when: () => existsSync('packages/nuxt/package.json'),
    command: `pnpm --filter @passline/nuxt exec vitest run --config vitest.nuxt.config.ts --reporter=default --reporter=json --outputFile.json=../../${resultsDir}/nuxt.json`,
    results: `${resultsDir}/nuxt.json`,
  },
  {
    name: 'end-to-end tests',
    when: () => existsSync('apps/e2e/package.json'),
    command: `pnpm --filter @passline/e2e exec vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=../../${resultsDir}/e2e.json`,
    results: `${resultsDir}/e2e.json`,
  },
  {
    name: 'bench smoke',
    when: () => existsSync('bench/package.json'),
    command: 'pnpm --filter @passline/bench run bench --smoke',
  },
]

let passed = 0
let failed = 0
const summary = []

for (const stage of stages) {
  if (stage.when && !stage.when()) continue
  console.log(`\n▶ ${stage.name}: ${stage.command}`)
  const started = Date.now()
  const { status } = spawnSync(stage.command, { stdio: 'inherit', shell: true })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const counts = stage.results ? readTestCounts(stage.results) : null
  if (counts) {
    passed += counts.passed
    failed += counts.failed
    // A runner that exits non-zero with no failed case (a file that fails to load) still fails.
    if (status !== 0 && counts.failed === 0) failed += 1
    summary.push(
      `${status === 0 ? 'ok  ' : 'FAIL'} ${stage.name} (${counts.passed} passed, ${counts.failed} failed, ${seconds}s)`,
    )
  } else {
    if (status === 0) passed += 1
    else failed += 1
    summary.push(`${status === 0 ? 'ok  ' : 'FAIL'} ${stage.name} (${seconds}s)`)
  }
}

console.log(`\n${summary.join('\n')}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)

function readTestCounts(file) {
  if (!existsSync(file)) return null
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'))
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 }
  } catch {
    return null
  }
}
