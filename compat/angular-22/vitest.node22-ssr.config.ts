import { definePasslineProject } from '../../vitest.shared.ts'
import { angular22Plugins } from './angular-22-plugins.ts'

// @passline/angular's server rendering tests on Angular 22's platform-server, in Node with no
// DOM environment.
export default definePasslineProject(
  'angular-ssr (Angular 22)',
  {
    environment: 'node',
    include: ['test/**/*.ssr.test.ts', '../../packages/angular/test/*.ssr.test.ts'],
    pool: 'forks',
  },
  { plugins: angular22Plugins() },
)
