// A throwaway redis-server on 127.0.0.1, nothing saved to disk: for the tests and the bench.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'

const BINARY = process.env.REDIS_SERVER ?? 'redis-server'

/** Whether redis-server can be run here. */
export function hasRedisServer() {
  return spawnSync(BINARY, ['--version']).status === 0
}

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts redis-server on `port` (a free one by default); resolves once it accepts commands
 * with `{ url, port, stop({ hard }) }`: `hard` kills it (a crash rather than a shutdown).
 */
export async function startRedis(port) {
  const chosen = port ?? (await freePort())
  const child = spawn(
    BINARY,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk
      if (output.includes('Ready to accept connections')) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    )
    child.once('error', reject)
  })
  const exited = new Promise((resolve) => child.once('exit', () => resolve()))
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    async stop({ hard = false } = {}) {
      if (child.exitCode === null && child.signalCode === null)
        child.kill(hard ? 'SIGKILL' : 'SIGTERM')
      await exited
    },
  }
}
