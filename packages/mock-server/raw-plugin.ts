import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Plugin } from 'esbuild'

/** `import text from './file?raw'` as Vite reads it: the file's text, for tsup and the CLI test. */
export const rawPlugin: Plugin = {
  name: 'raw',
  setup(build) {
    // The suffix stays on the path, so loaders matching `.css` (tsup's) leave it alone.
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: resolve(args.resolveDir, args.path),
      namespace: 'raw',
    }))
    build.onLoad({ filter: /\?raw$/, namespace: 'raw' }, async (args) => ({
      contents: await readFile(args.path.slice(0, -'?raw'.length), 'utf8'),
      loader: 'text',
    }))
  },
}
