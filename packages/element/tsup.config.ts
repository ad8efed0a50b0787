import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig([
  // Two entries: the class (no side effect) and `define`, which registers the tag. The define
  // entry imports the class from the main entry, so both share one class at runtime.
  definePackageBuild({
    entry: { index: 'src/index.ts', define: 'src/define.ts' },
    external: ['@passline/core', '@passline/element'],
  }),
  // For a page without a bundler: `<script type="module" src=".../dist/browser/define.js">`
  // loads the element with the core inside, no bare specifier left; the provider adapters and
  // the translations stay chunks of their own next to it, fetched on first use.
  {
    entry: { define: 'src/browser.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    minify: true,
    sourcemap: true,
    treeshake: true,
    noExternal: ['@passline/core'],
    // `clean` would race the first build, which empties dist/ itself.
    clean: false,
  },
])
