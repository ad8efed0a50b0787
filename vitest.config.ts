import { defineConfig } from 'vitest/config'

// One run over every package and app that has its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/*/vitest.ssr.config.ts',
      'packages/*/vitest.schematics.config.ts',
      'packages/*/vitest.browser.config.ts',
      'apps/*/vitest.config.ts',
      'compat/*/vitest.config.ts',
    ],
  },
})
