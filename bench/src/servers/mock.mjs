// The mock server under load, in a process of its own so the load generator does not share it.
import { createMockServer } from '@passline/mock-server'
import './report-cpu.mjs'

const server = await createMockServer({
  apps: [{ appKey: 'bench', appSecret: 'bench-secret', rateLimit: { max: 1e9, windowMs: 60_000 } }],
})
console.log(`ready: ${server.url}`)
process.on('SIGTERM', () => server.close().then(() => process.exit(0)))
