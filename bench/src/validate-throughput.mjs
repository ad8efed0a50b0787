// /v1/validate of the mock server under 50 connections, next to the same minimal JSON
// endpoint on bare node:http and on bare Fastify (the framework's floor).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { solveChallenge } from '@passline/mock-server'
import { LOAD_CORE, onCore, pinning } from './cores.mjs'
import { startServer } from './start-server.mjs'
import { median } from './stats.mjs'

const CONNECTIONS = 50
const SERVERS = ['mock', 'bare', 'fastify']
const loadGenerator = fileURLToPath(new URL('load-generator.mjs', import.meta.url))

async function load({ url, body, headers }, seconds) {
  const options = {
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }
  const [command, args] = onCore(LOAD_CORE, process.execPath, [
    loadGenerator,
    JSON.stringify(options),
  ])
  const { stdout } = await promisify(execFile)(command, args, { maxBuffer: 64 * 1024 * 1024 })
  return JSON.parse(stdout)
}

/** One measured run: throughput, p99 and the server's CPU time per request. */
async function measure(server, target, seconds) {
  const cpuBefore = await server.cpuMicros()
  const result = await load(target, seconds)
  const cpuMicros = (await server.cpuMicros()) - cpuBefore
  if (result.non2xx || result.errors) {
    throw new Error(`${target.url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`)
  }
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuMicrosPerRequest: cpuMicros / result.requests.total,
  }
}

export async function validateThroughput({ runs, seconds }) {
  const servers = Object.fromEntries(
    await Promise.all(SERVERS.map(async (name) => [name, await startServer(name)])),
  )
  try {
    // An app without a rate limit, so the load measures validation, not 429s.
    const { token } = await solveChallenge(servers.mock.url, { appKey: 'bench' })
    // keep_token: every request does the full check (signature, expiry, replay store) and stays valid.
    const body = { pass_token: token, keep_token: true }
    const target = (name) => ({
      url: `${servers[name].url}/v1/validate`,
      body,
      headers: name === 'mock' ? { 'x-app-key': 'bench', 'x-app-secret': 'bench-secret' } : {},
    })
    const samples = Object.fromEntries(SERVERS.map((name) => [name, []]))
    for (const name of SERVERS) await load(target(name), 1) // warm-up
    // Interleaved, so a slow minute of the machine touches every server alike.
    for (let run = 0; run < runs; run++) {
      for (const name of SERVERS) {
        samples[name].push(await measure(servers[name], target(name), seconds))
      }
    }
    const summary = (name) => ({
      requestsPerSecond: median(samples[name].map((s) => s.rps)),
      p99Ms: median(samples[name].map((s) => s.p99)),
      cpuMicrosPerRequest: median(samples[name].map((s) => s.cpuMicrosPerRequest)),
      runs: samples[name],
    })
    const [mock, bare, fastify] = SERVERS.map(summary)
    return {
      connections: CONNECTIONS,
      secondsPerRun: seconds,
      runs,
      pinning,
      mock,
      bare,
      fastify,
      ratio: mock.requestsPerSecond / bare.requestsPerSecond,
      fastifyRatio: fastify.requestsPerSecond / bare.requestsPerSecond,
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()))
  }
}
