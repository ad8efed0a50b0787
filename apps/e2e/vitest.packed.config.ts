import { defineConfig } from 'vitest/config'

// The `packed apps (Node 24, 22)` stage of `npm test` (packed/packed-apps.test.ts): run by
// scripts/run-checks.mjs, and by itself with `pnpm --filter @passline/e2e exec vitest run
// --config vitest.packed.config.ts`.
export default defineConfig({
  test: {
    name: 'packed apps',
    include: ['packed/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Packing, and each app's production build on a busy two-core machine.
    hookTimeout: 240_000,
  },
})
