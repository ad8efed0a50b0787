import { fileURLToPath } from 'node:url'
import angular from '@analogjs/vite-plugin-angular'
import { definePasslineProject, resolveFromHere } from '../../vitest.shared.ts'

// @passline/angular's own component tests, compiled ahead of time by Angular 22's compiler
// and run on its runtime: the files live next to Angular 21, so without resolveFromHere they
// would import that one.
export default definePasslineProject(
  'angular (Angular 22)',
  {
    environment: 'jsdom',
    include: ['test/**/*.test.ts', '../../packages/angular/test/**/*.test.ts'],
    // Server rendering and the ng-add schematic are the main run's (Angular 21) alone.
    exclude: ['../../packages/angular/test/*.{ssr,schematics}.test.ts'],
    setupFiles: ['../../packages/angular/test/setup.ts'],
    pool: 'forks',
  },
  {
    plugins: [
      resolveFromHere(import.meta.url, ['@angular', '@testing-library/angular', 'rxjs']),
      angular({
        tsconfig: fileURLToPath(new URL('tsconfig.spec.json', import.meta.url)),
        workspaceRoot: fileURLToPath(new URL('.', import.meta.url)),
        jit: false,
      }),
    ],
  },
)
