import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig(
  definePackageBuild({
    entry: { index: 'src/index.ts' },
    external: ['react', '@passline/core'],
    // Server Components frameworks must see this file as client code.
    banner: { js: "'use client';" },
    // Rollup's tree-shaking pass would drop the directive; esbuild's output keeps it.
    treeshake: false,
  }),
)
