// The floor: a bare node:http endpoint that reads a JSON body and answers JSON, nothing else.
import { createServer } from 'node:http'
import './report-cpu.mjs'

const server = createServer((request, response) => {
  let body = ''
  request.on('data', (chunk) => (body += chunk))
  request.on('end', () => {
    let data
    try {
      data = { valid: typeof JSON.parse(body).pass_token === 'string' }
    } catch {
      data = { valid: false, error: 'invalid_request' }
    }
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ code: 0, msg: 'ok', data }))
  })
})
server.listen(0, '127.0.0.1', () => console.log(`ready: http://127.0.0.1:${server.address().port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
