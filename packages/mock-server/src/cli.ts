#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { TEST_APPS } from './apps'
import { readConfigFile } from './config-file'
import { createMockServer } from './create-mock-server'

const usage = `passline-mock [--port 8787] [--host 127.0.0.1] [--config passline-mock.json] [--seed S] [--quiet]

Emulates CaptchaLa offline: the browser SDK at /captchala-loader.js and the server API at
/v1/validate and /v1/server/challenge/issue. Test app keys (secret "test_secret"):
${TEST_APPS.map((app) => `  ${app.appKey}`).join('\n')}

--seed derives the signing key: an emulator elsewhere (MSW in a page, Playwright's routing)
with the same seed mints tokens this server accepts.`

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return console.log(usage)
  const config = values.config ? readConfigFile(values.config) : {}
  const port = values.port === undefined ? (config.port ?? 8787) : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`)

  const server = await createMockServer({
    port,
    host: values.host ?? config.host ?? '127.0.0.1',
    apps: config.apps ?? [],
    sites: config.sites ?? [],
    seed: values.seed ?? config.seed,
    log: values.quiet ? undefined : (line) => console.log(line),
  })

  // Installed before "ready" is printed: whoever waits for that line may signal at once.
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: stopping`)
    await server.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  console.log(`ready: ${server.url}`)
  console.log(`loader: ${server.url}/captchala-loader.js · try a widget at ${server.url}/`)
  console.log(
    `also: ${server.url}/turnstile/v0/api.js · ${server.url}/hcaptcha/1/api.js · ${server.url}/recaptcha/api.js · ${server.url}/friendlycaptcha/site.min.js`,
  )
}

main().catch((error: unknown) => {
  console.error(`passline-mock: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
