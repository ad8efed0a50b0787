import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('mock-server', {
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 60_000,
})
