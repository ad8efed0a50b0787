// `pnpm bench` runs every benchmark and writes bench/results.md and bench/results.json.
// `pnpm bench --smoke` runs each one briefly, checks it still works, and writes nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { createRequire } from 'node:module'
import { validateThroughput } from './validate-throughput.mjs'

const smoke = process.argv.includes('--smoke')
const require = createRequire(import.meta.url)
const versionOf = (name) => {
  try {
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version
  } catch {
    return 'unknown'
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
}
const versions = {
  '@passline/mock-server': versionOf('@passline/mock-server'),
  fastify: versionOf('fastify'),
  autocannon: versionOf('autocannon'),
}

const validate = await validateThroughput(
  smoke ? { runs: 1, seconds: 1 } : { runs: 3, seconds: 10 },
)
const results = { date: new Date().toISOString(), machine, versions, validate }

const fmt = (n) => Math.round(n).toLocaleString('en-US')
const markdown = `# Passline benchmarks

Measured ${results.date.slice(0, 10)} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB),
Node ${machine.node}, ${machine.platform}. Versions: ${Object.entries(versions)
  .map(([name, version]) => `${name} ${version}`)
  .join(', ')}.
Medians of ${validate.runs} runs; the load generator and each server run in separate processes.

## Server: \`POST /v1/validate\` throughput

autocannon, ${validate.connections} connections, ${validate.secondsPerRun} s per run, one warm-up second
first. The mock server checks the app key and secret, the JSON body, the token's signature,
expiry and replay store on every request (\`keep_token: true\`, so each stays valid).

| endpoint | requests/s | p99 latency |
| --- | ---: | ---: |
| mock server \`/v1/validate\` | ${fmt(validate.mock.requestsPerSecond)} | ${validate.mock.p99Ms} ms |
| bare \`node:http\` JSON endpoint | ${fmt(validate.bare.requestsPerSecond)} | ${validate.bare.p99Ms} ms |
| **ratio** (goal ≥ 0.7) | **${validate.ratio.toFixed(2)}** | |
`

if (smoke) {
  console.log(
    `bench smoke: validate ${fmt(validate.mock.requestsPerSecond)} req/s vs bare ${fmt(validate.bare.requestsPerSecond)} req/s (1 s each)`,
  )
} else {
  mkdirSync(new URL('..', import.meta.url), { recursive: true })
  writeFileSync(
    new URL('../results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  writeFileSync(new URL('../results.md', import.meta.url), markdown)
  console.log(markdown)
}
