// `pnpm demo` runs this in apps/next-demo: Next.js (`dev`, or `start` after a build) on a free
// port of 127.0.0.1, printing `ready: <url>` for the launcher once it answers.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

const mode = process.argv[2] === 'start' ? 'start' : 'dev'
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address()
    probe.close(() => resolve(free))
  })
})
const url = `http://127.0.0.1:${port}`
const next = spawn('next', [mode, '-H', '127.0.0.1', '-p', String(port)], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
})
next.on('exit', (code) => process.exit(code ?? 1))
for (;;) {
  const answered = await fetch(url).then(
    () => true,
    () => false,
  )
  if (answered) break
  await new Promise((resolve) => setTimeout(resolve, 250))
}
console.log(`ready: ${url}`)
const stop = () => next.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
