import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { onCore, SERVER_CORE } from './cores.mjs'

/**
 * Starts `servers/<name>.mjs` in its own process, on a core of its own where possible;
 * resolves with its URL, its CPU time so far and its stop.
 */
export function startServer(name) {
  const script = fileURLToPath(new URL(`servers/${name}.mjs`, import.meta.url))
  const [command, args] = onCore(SERVER_CORE, process.execPath, [script])
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
  const cpuMicros = () =>
    new Promise((resolve) => {
      child.once('message', (message) => resolve(message.cpuMicros))
      child.send('cpu')
    })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /ready: (\S+)/.exec(output)
      if (match) {
        const exited = new Promise((done) => child.once('exit', done))
        resolve({ url: match[1], cpuMicros, stop: () => (child.kill('SIGTERM'), exited) })
      }
    })
    child.once('exit', (code) => reject(new Error(`${name} server exited early (${code})`)))
  })
}
