// `pnpm demo`: starts every piece of the demo that exists, prints where each one listens,
// and stops them all on Ctrl-C. Pieces that are not built yet are listed, not skipped silently.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * Each service prints a line `ready: <url>` on stdout once it listens; that line is how the
 * launcher learns its URL. Order matters: apps are told the URLs of the services before them.
 */
const services = [
  { name: 'mock provider', dir: 'packages/mock-server', script: 'demo', env: 'PASSLINE_MOCK_URL' },
  { name: 'demo backend', dir: 'apps/demo-api', script: 'demo', env: 'PASSLINE_API_URL' },
  { name: 'React sample', dir: 'apps/react-demo', script: 'demo' },
  { name: 'Vue sample', dir: 'apps/vue-demo', script: 'demo' },
  { name: 'vanilla sample', dir: 'apps/vanilla-demo', script: 'demo' },
  { name: 'Svelte sample', dir: 'apps/svelte-demo', script: 'demo' },
  { name: 'Solid sample', dir: 'apps/solid-demo', script: 'demo' },
  { name: 'HTML/Lit sample', dir: 'apps/element-demo', script: 'demo' },
  { name: 'Angular sample', dir: 'apps/angular-demo', script: 'demo' },
  { name: 'Next.js sample', dir: 'apps/next-demo', script: 'demo' },
  { name: 'Nuxt sample', dir: 'apps/nuxt-demo', script: 'demo' },
]

const present = services.filter((s) => existsSync(`${s.dir}/package.json`))
const missing = services.filter((s) => !present.includes(s))
for (const s of missing) console.log(`not there yet: ${s.name} (${s.dir})`)
if (present.length === 0) {
  console.log('Nothing to start yet: the demo pieces above are still to be built.')
  process.exit(0)
}

const children = []
const env = { ...process.env }
let stopping = false

function stopAll(code) {
  if (stopping) return
  stopping = true
  // Each service runs in its own process group: pnpm does not pass signals on to the node
  // process it starts, so the whole group is signalled.
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  setTimeout(() => process.exit(code), 1000).unref()
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))

for (const service of present) {
  const url = await start(service)
  console.log(`${service.name.padEnd(16)} ${url}`)
  if (service.env) env[service.env] = url
}
console.log('\nAll running. Press Ctrl-C to stop.')

function start(service) {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['--dir', service.dir, 'run', '--silent', service.script], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    })
    children.push(child)
    let buffered = ''
    let ready = false
    child.stdout.on('data', (chunk) => {
      // After its ready line, a service's output (request logs) is passed through, prefixed.
      if (ready) return process.stdout.write(prefixLines(service.name, String(chunk)))
      buffered += chunk
      const match = buffered.match(/ready: (\S+)/)
      if (match) {
        ready = true
        buffered = ''
        resolve(match[1])
      }
    })
    child.on('exit', (code) => {
      if (stopping) return
      console.error(`${service.name} exited with code ${code}; stopping the demo.`)
      stopAll(1)
    })
  })
}

function prefixLines(name, text) {
  return text.replace(/^(?=.)/gm, `[${name}] `)
}
