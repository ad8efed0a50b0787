import { fileURLToPath } from 'node:url'
import { definePasslineProject } from '../../vitest.shared.ts'

const stub = (file: string) => fileURLToPath(new URL(`./test/stubs/${file}`, import.meta.url))

const config = definePasslineProject('server', {
  environment: 'node',
  testTimeout: 20_000,
  // A Redis of its own on a free port, for the policy's store tests.
  globalSetup: ['test/redis-global-setup.ts'],
})

// The README's recipes import what their frameworks provide at run time.
config.resolve!.alias = [
  ...(config.resolve!.alias as { find: RegExp | string; replacement: string }[]),
  { find: /^next\/headers$/, replacement: stub('next-headers.ts') },
  { find: /^\$env\/dynamic\/private$/, replacement: stub('env-dynamic-private.ts') },
  { find: /^astro:env\/server$/, replacement: stub('astro-env-server.ts') },
]

export default config
