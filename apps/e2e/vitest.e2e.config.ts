import { defineConfig } from 'vitest/config'
import { workspaceSourceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceSourceAliases },
  test: {
    name: 'e2e',
    include: ['test/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium and one set of servers; files run one after another on two cores.
    fileParallelism: false,
  },
})
