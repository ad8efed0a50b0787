// The demo backend as its own process, as `pnpm demo` runs it: `src/main.ts` bundled from the
// sources (with @passline/server's sources, so no build is needed first), on a free port.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const mainFile = fileURLToPath(new URL('../.test-build/main.mjs', import.meta.url))
const serverSources = fileURLToPath(
  new URL('../../../packages/server/src/index.ts', import.meta.url),
)
const running = new Set<ChildProcess>()

// Should the test run itself die, its children go with it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Bundles `src/main.ts` into `.test-build/` (a second or so); call once before `spawnApi`. */
export async function bundleMain() {
  await build({
    entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
    outfile: mainFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The app's dependencies are loaded from its node_modules; @passline/server from source.
    alias: { '@passline/server': serverSources },
    external: ['fastify', '@fastify/formbody', 'redis', '@opentelemetry/api'],
    logLevel: 'silent',
  })
}

export interface SpawnedApi {
  url: string
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>
}

/** Starts one process with `env` and resolves once it prints its `ready:` line. */
export async function spawnApi(env: Record<string, string>): Promise<SpawnedApi> {
  const child = spawn(process.execPath, [mainFile], {
    env: { ...process.env, PASSLINE_API_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exited.then(() => running.delete(child))
  let output = ''
  child.stderr.on('data', (chunk) => (output += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      const ready = /ready: (http:\/\/\S+)/.exec(output)
      if (ready) resolve(ready[1]!)
    })
    void exited.then(() => reject(new Error(`demo-api exited before it was ready:\n${output}`)))
  })
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
