// What @passline/server adds per validation: `CaptchalaClient.validate()` next to the same
// request made with a bare `fetch`, both against the mock server in its own process, one call
// at a time. The difference of the medians is the SDK's own cost (request building, timeout,
// parsing and normalising the answer).
import { performance } from 'node:perf_hooks'
import { solveChallenge } from '@passline/mock-server'
import { CaptchalaClient } from '@passline/server'
import { startServer } from './start-server.mjs'
import { median } from './stats.mjs'

export async function serverOverhead({ calls }) {
  const mock = await startServer('mock')
  try {
    const { token } = await solveChallenge(mock.url, { appKey: 'bench' })
    const client = new CaptchalaClient({
      appKey: 'bench',
      appSecret: 'bench-secret',
      baseUrl: mock.url,
    })
    const bare = async () => {
      const response = await fetch(`${mock.url}/v1/validate`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-app-key': 'bench',
          'x-app-secret': 'bench-secret',
        },
        body: JSON.stringify({ pass_token: token, keep_token: true }),
      })
      const body = await response.json()
      if (!body.data?.valid) throw new Error('bare validation failed')
    }
    const sdk = async () => {
      const result = await client.validate(token, { keepToken: true })
      if (!result.valid) throw new Error(`SDK validation failed: ${result.error}`)
    }
    const time = async (call) => {
      const start = performance.now()
      await call()
      return performance.now() - start
    }
    // Warm both paths (connections, JIT) first; then alternate, one of each per pair, so any
    // drift of the machine touches both alike.
    for (let i = 0; i < Math.min(calls, 200); i++) await Promise.all([bare(), sdk()])
    const bareSamples = []
    const sdkSamples = []
    const differences = []
    for (let i = 0; i < calls; i++) {
      const bareMs = await time(bare)
      const sdkMs = await time(sdk)
      bareSamples.push(bareMs)
      sdkSamples.push(sdkMs)
      differences.push(sdkMs - bareMs)
    }
    return {
      calls,
      bareFetchMs: median(bareSamples),
      clientMs: median(sdkSamples),
      overheadMs: median(differences),
    }
  } finally {
    await mock.stop()
  }
}
