// The framework's floor: the bare endpoint's work on Fastify with its defaults (JSON body
// parsing, routing, reply), nothing else. The mock cannot be faster than this.
import Fastify from 'fastify'
import './report-cpu.mjs'

const server = Fastify()
server.post('/v1/validate', async (request) => ({
  code: 0,
  msg: 'ok',
  data: { valid: typeof request.body?.pass_token === 'string' },
}))
await server.listen({ port: 0, host: '127.0.0.1' })
console.log(`ready: http://127.0.0.1:${server.server.address().port}`)
process.on('SIGTERM', () => server.close().then(() => process.exit(0)))
