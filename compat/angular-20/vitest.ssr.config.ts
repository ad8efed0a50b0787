import { definePasslineProject } from '../../vitest.shared.ts'
import { angular20Plugins } from './angular-20-plugins.ts'

// @passline/angular's server rendering tests on Angular 20's platform-server, in Node with no
// DOM environment.
export default definePasslineProject(
  'angular-ssr (Angular 20)',
  {
    environment: 'node',
    include: ['test/**/*.ssr.test.ts', '../../packages/angular/test/*.ssr.test.ts'],
    pool: 'forks',
  },
  { plugins: angular20Plugins() },
)
