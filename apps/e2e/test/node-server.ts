// Runs a built app's own Node server (`node build`, Nuxt's `.output/server/index.mjs`) on a
// free port of 127.0.0.1, waits until it answers, and stops it again.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

export interface RunningApp {
  url: string
  /** The server's process, when it has one of its own. */
  pid?: number
  close(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export async function startNodeServer(
  name: string,
  entry: string,
  { cwd, env }: { cwd: string; env: Record<string, string> },
): Promise<RunningApp> {
  const port = await freePort()
  const server = spawn(process.execPath, [entry], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
  })
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    const up = await fetch(url).then(
      () => true,
      () => false,
    )
    if (up) break
    if (tries > 200 || server.exitCode !== null) {
      server.kill('SIGKILL')
      throw new Error(`${name} did not start`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    url,
    pid: server.pid,
    close: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve()
        server.once('exit', () => resolve())
        server.kill('SIGTERM')
      }),
  }
}
