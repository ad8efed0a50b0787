import { fileURLToPath } from 'node:url'
import angular from '@analogjs/vite-plugin-angular'
import { resolveFromHere } from '../../vitest.shared.ts'

/**
 * The binding's sources and tests compiled ahead of time by Angular 20's compiler and run on
 * its runtime: the files live next to Angular 21, so without resolveFromHere they would
 * import that one.
 */
export function angular20Plugins() {
  return [
    resolveFromHere(import.meta.url, ['@angular', '@testing-library/angular', 'rxjs']),
    angular({
      tsconfig: fileURLToPath(new URL('tsconfig.spec.json', import.meta.url)),
      workspaceRoot: fileURLToPath(new URL('.', import.meta.url)),
      jit: false,
    }),
  ]
}
