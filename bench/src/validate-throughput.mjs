// /v1/validate of the mock server under 50 connections, next to a bare node:http endpoint.
import autocannon from 'autocannon'
import { solveChallenge } from '@passline/mock-server'
import { startServer } from './start-server.mjs'
import { median } from './stats.mjs'

const CONNECTIONS = 50

function load(url, { body, headers, seconds }) {
  return autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

export async function validateThroughput({ runs, seconds }) {
  const mock = await startServer('mock')
  const bare = await startServer('bare')
  try {
    // An app without a rate limit, so the load measures validation, not 429s.
    const { token } = await solveChallenge(mock.url, { appKey: 'bench' })
    // keep_token: every request does the full check (signature, expiry, replay store) and stays valid.
    const body = { pass_token: token, keep_token: true }
    const targets = {
      mock: {
        url: `${mock.url}/v1/validate`,
        body,
        headers: { 'x-app-key': 'bench', 'x-app-secret': 'bench-secret' },
      },
      bare: { url: `${bare.url}/v1/validate`, body, headers: {} },
    }
    const samples = { mock: [], bare: [] }
    for (const name of ['mock', 'bare'])
      await load(targets[name].url, { ...targets[name], seconds: 1 }) // warm-up
    for (let run = 0; run < runs; run++) {
      for (const name of ['mock', 'bare']) {
        const result = await load(targets[name].url, { ...targets[name], seconds })
        if (result.non2xx || result.errors) {
          throw new Error(
            `${name}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`,
          )
        }
        samples[name].push({ rps: result.requests.average, p99: result.latency.p99 })
      }
    }
    const summary = (name) => ({
      requestsPerSecond: median(samples[name].map((s) => s.rps)),
      p99Ms: median(samples[name].map((s) => s.p99)),
      runs: samples[name],
    })
    const mockSummary = summary('mock')
    const bareSummary = summary('bare')
    return {
      connections: CONNECTIONS,
      secondsPerRun: seconds,
      runs,
      mock: mockSummary,
      bare: bareSummary,
      ratio: mockSummary.requestsPerSecond / bareSummary.requestsPerSecond,
    }
  } finally {
    await Promise.all([mock.stop(), bare.stop()])
  }
}
