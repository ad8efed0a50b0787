import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig(
  definePackageBuild({ entry: { index: 'src/index.ts', testing: 'src/testing.ts' } }),
)
