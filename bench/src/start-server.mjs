import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Starts `servers/<name>.mjs` in its own process; resolves with its URL and its stop. */
export function startServer(name) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL(`servers/${name}.mjs`, import.meta.url))],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /ready: (\S+)/.exec(output)
      if (match) {
        const exited = new Promise((done) => child.once('exit', done))
        resolve({ url: match[1], stop: () => (child.kill('SIGTERM'), exited) })
      }
    })
    child.once('exit', (code) => reject(new Error(`${name} server exited early (${code})`)))
  })
}
