import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('server', {
  environment: 'node',
  testTimeout: 20_000,
  // A Redis of its own on a free port, for the policy's store tests.
  globalSetup: ['test/redis-global-setup.ts'],
})
