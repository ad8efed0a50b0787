// A throwaway redis-server on 127.0.0.1, nothing saved to disk; for tests and the bench.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export interface RedisProcess {
  url: string
  port: number
  /** Stops the server (SIGKILL when `hard`: a crash rather than a shutdown). */
  stop(options?: { hard?: boolean }): Promise<void>
}

const BINARY = process.env.REDIS_SERVER ?? 'redis-server'

export function hasRedisServer(): boolean {
  return spawnSync(BINARY, ['--version']).status === 0
}

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Starts redis-server on `port` (a free one by default); resolves once it accepts commands. */
export async function startRedis(port?: number): Promise<RedisProcess> {
  const chosen = port ?? (await freePort())
  const child: ChildProcess = spawn(
    BINARY,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      if (output.includes('Ready to accept connections')) resolve()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)),
    )
    child.once('error', reject)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
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
