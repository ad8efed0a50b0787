import { definePasslineProject } from '../../vitest.shared.ts'

// The ng-add schematic in Node, against workspaces Angular's own schematics make in memory:
// no Angular compiler and no DOM, so a project of its own.
export default definePasslineProject('angular-schematics', {
  environment: 'node',
  include: ['test/**/*.schematics.test.ts'],
  // Each test has Angular's own schematics make a workspace and an application first: seconds
  // of work, more on a two-core machine that runs other projects beside it.
  testTimeout: 30_000,
})
