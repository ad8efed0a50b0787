import { definePasslineProject } from '../../vitest.shared.ts'
import { angular20Plugins } from './angular-20-plugins.ts'

// @passline/angular's own component tests on Angular 20, the floor of its peer range, zoneless
// through this folder's setup. The ng-add schematic stays the main run's (Angular 21); server
// rendering is vitest.ssr.config.ts.
export default definePasslineProject(
  'angular (Angular 20)',
  {
    environment: 'jsdom',
    include: ['test/**/*.test.ts', '../../packages/angular/test/**/*.test.ts'],
    exclude: ['test/**/*.ssr.test.ts', '../../packages/angular/test/*.{ssr,schematics}.test.ts'],
    setupFiles: ['test/setup.ts'],
    pool: 'forks',
  },
  { plugins: angular20Plugins() },
)
