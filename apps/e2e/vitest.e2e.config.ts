import { defineConfig } from 'vitest/config'
import { rawCss, workspaceSourceAliases } from '../../vitest.shared.ts'

export default defineConfig({
  resolve: { alias: workspaceSourceAliases },
  test: {
    name: 'e2e',
    include: ['test/**/*.e2e.ts'],
    environment: 'node',
    css: rawCss,
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    // Starting the stack (every app served twice, the SvelteKit server, Chromium) on a busy
    // two-core machine.
    hookTimeout: 240_000,
    // One Chromium and one set of servers; files run one after another on two cores.
    fileParallelism: false,
  },
})
