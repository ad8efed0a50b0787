import { definePasslineProject } from '../../vitest.shared.ts'
import { angular22Plugins } from './angular-22-plugins.ts'

// @passline/angular's own component tests on Angular 22. The ng-add schematic stays the main
// run's (Angular 21); server rendering is vitest.node22-ssr.config.ts.
export default definePasslineProject(
  'angular (Angular 22)',
  {
    environment: 'jsdom',
    include: ['test/**/*.test.ts', '../../packages/angular/test/**/*.test.ts'],
    exclude: ['test/**/*.ssr.test.ts', '../../packages/angular/test/*.{ssr,schematics}.test.ts'],
    setupFiles: ['../../packages/angular/test/setup.ts'],
    pool: 'forks',
  },
  { plugins: angular22Plugins() },
)
