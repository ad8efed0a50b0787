import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Unit tests of the runtime files, with Nitro's `#imports` stood in for.
export default defineConfig({
  resolve: {
    alias: { '#imports': fileURLToPath(new URL('./test/stubs/imports.ts', import.meta.url)) },
  },
  test: { name: 'nuxt-unit', include: ['test/**/*.test.ts'], environment: 'node' },
})
