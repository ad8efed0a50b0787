import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

// Two entries: the class (no side effect) and `define`, which registers the tag. The define
// entry imports the class from the main entry, so both share one class at runtime.
export default defineConfig(
  definePackageBuild({
    entry: { index: 'src/index.ts', define: 'src/define.ts' },
    external: ['@passline/core', '@passline/element'],
  }),
)
