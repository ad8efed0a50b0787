import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig(definePackageBuild({ external: ['vue', '@passline/core'] }))
