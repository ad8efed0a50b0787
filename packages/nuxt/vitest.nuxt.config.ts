import { defineConfig } from 'vitest/config'

// The module's tests build a real Nuxt app: run on their own (`pnpm test:nuxt`), not with the
// unit tests, so the build does not compete with them for the two cores.
export default defineConfig({
  test: {
    name: 'nuxt',
    // The module's own app on Nuxt 4, and the same app on the newest Nuxt 3 (compat/nuxt-3) and
    // on Nuxt 3.13, the floor of the module's peer range (compat/nuxt-3.13).
    include: [
      'test/**/*.e2e.ts',
      '../../compat/nuxt-3/test/**/*.e2e.ts',
      '../../compat/nuxt-3.13/test/**/*.e2e.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
})
