import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig(
  definePackageBuild({
    entry: { index: 'src/index.ts', main: 'src/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
  }),
)
