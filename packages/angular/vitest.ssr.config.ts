import { fileURLToPath } from 'node:url'
import angular from '@analogjs/vite-plugin-angular'
import { definePasslineProject } from '../../vitest.shared.ts'

// Server rendering in Node with @angular/platform-server, compiled ahead of time as an SSR
// build is. A project of its own: no DOM environment.
export default definePasslineProject(
  'angular-ssr',
  { environment: 'node', include: ['test/**/*.ssr.test.ts'], pool: 'forks' },
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
