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
    // Two files at a time, each with its own servers (on free ports) and its own Chromium: a
    // file spends most of its time waiting on a page, so two keep both cores busy.
    fileParallelism: true,
    maxWorkers: 2,
  },
})
