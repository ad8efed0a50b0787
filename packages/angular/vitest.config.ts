import { fileURLToPath } from 'node:url'
import angular from '@analogjs/vite-plugin-angular'
import { definePasslineProject } from '../../vitest.shared.ts'

// Components compiled ahead of time by Angular's compiler (through Analog's Vite plugin),
// under jsdom with TestBed and zoneless change detection. Server rendering is
// vitest.ssr.config.ts; the ng-add schematic, vitest.schematics.config.ts.
export default definePasslineProject(
  'angular',
  {
    environment: 'jsdom',
    exclude: ['**/*.ssr.test.ts', '**/*.schematics.test.ts', '**/node_modules/**'],
    setupFiles: ['test/setup.ts'],
    // Analog's plugin would pick vmThreads, where test files share their dependencies'
    // modules (Angular's TestBed, the fakes' cleanup); forks keep each file on its own.
    pool: 'forks',
  },
  // Ahead of time, as apps build it: the plugin's default for tests, JIT, does not see signal
  // inputs.
  {
    plugins: [
      angular({
        tsconfig: fileURLToPath(new URL('tsconfig.spec.json', import.meta.url)),
        workspaceRoot: fileURLToPath(new URL('.', import.meta.url)),
        jit: false,
      }),
    ],
  },
)
