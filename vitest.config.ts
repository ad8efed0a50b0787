import { defineConfig } from 'vitest/config'

// Projects that test a framework major which itself needs Node 22 or later (Angular 22): the
// main run (Node 24) and the compatibility stage's Node 22 run them (scripts/compat-nodes.mjs).
const nodeMajor = Number(process.versions.node.split('.')[0])

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
      'compat/*/vitest.ssr.config.ts',
      ...(nodeMajor >= 22 ? ['compat/*/vitest.node22*.config.ts'] : []),
    ],
  },
})
