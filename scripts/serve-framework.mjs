// `pnpm demo` runs this in a framework sample's folder: its dev server (`next dev`, `nuxi dev`)
// on a free port of 127.0.0.1, printing `ready: <url>` for the launcher once it answers.
// PASSLINE_MOCK_URL (from the launcher) tells the app where the mock provider is.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

const tool = process.argv[2]
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address()
    probe.close(() => resolve(free))
  })
})
const mock = process.env.PASSLINE_MOCK_URL ?? 'http://127.0.0.1:8787'
const commands = {
  next: ['next', ['dev', '-H', '127.0.0.1', '-p', String(port)]],
  nuxi: ['nuxi', ['dev', '--host', '127.0.0.1', '--port', String(port)]],
}
if (!commands[tool]) throw new Error(`serve-framework: unknown tool ${tool}`)
const [command, args] = commands[tool]
const url = `http://127.0.0.1:${port}`
const child = spawn(command, args, {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NUXT_TELEMETRY_DISABLED: '1',
    NUXT_PUBLIC_PASSLINE_SCRIPT_URL: `${mock}/captchala-loader.js`,
    NUXT_PASSLINE_BASE_URL: mock,
    NUXT_PASSLINE_SECRET: process.env.CAPTCHALA_APP_SECRET ?? 'test_secret',
  },
})
child.on('exit', (code) => process.exit(code ?? 1))
for (;;) {
  const answered = await fetch(url).then(
    () => true,
    () => false,
  )
  if (answered) break
  await new Promise((resolve) => setTimeout(resolve, 250))
}
console.log(`ready: ${url}`)
const stop = () => child.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
