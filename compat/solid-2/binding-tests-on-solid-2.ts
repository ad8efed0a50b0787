import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const bindingTests = fileURLToPath(new URL('../../packages/solid/test/', import.meta.url))
const solid2ServerHtml = fileURLToPath(new URL('./test/server-html.ts', import.meta.url))

/**
 * What the binding's tests (written next to Solid 1.9) import that Solid 2 has elsewhere or
 * renders otherwise, for those tests only:
 * - `solid-js/web` (render, hydrate, renderToString) is `@solidjs/web`, from this folder. The
 *   binding's own sources get no such help: were they to import `solid-js/web`, they would fail
 *   to load here.
 * - `./server-html`, the markup the server test expects and the hydration test adopts, is
 *   Solid 2's (its hydration keys are written `_hk=…`).
 */
export function bindingTestsOnSolid2(configUrl: string): Plugin {
  const importer = fileURLToPath(configUrl)
  return {
    name: 'passline:binding-tests-on-solid-2',
    enforce: 'pre',
    resolveId(id, from, options) {
      if (!from?.startsWith(bindingTests)) return null
      if (id === './server-html') return solid2ServerHtml
      if (id === 'solid-js/web') {
        return this.resolve('@solidjs/web', importer, { ...options, skipSelf: true })
      }
      return null
    },
  }
}
