import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig(
  definePackageBuild({
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    platform: 'node',
    target: 'node18',
    // `import.meta.url` locates the browser assets from the CJS build too.
    shims: true,
  }),
)
