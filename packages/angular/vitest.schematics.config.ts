import { definePasslineProject } from '../../vitest.shared.ts'

// The ng-add schematic in Node, against workspaces Angular's own schematics make in memory:
// no Angular compiler and no DOM, so a project of its own.
export default definePasslineProject('angular-schematics', {
  environment: 'node',
  include: ['test/**/*.schematics.test.ts'],
})
