import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('mock-server', {
  environment: 'node',
  // In Chromium: vitest.browser.config.ts.
  exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
})
