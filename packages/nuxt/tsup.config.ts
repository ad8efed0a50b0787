import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

// Nuxt and Nitro resolve these themselves, in the app that installs the module.
const external = ['#app', '#imports', '@nuxt/kit', '@nuxt/schema', 'nuxt', 'h3', 'vue']

export default defineConfig([
  // `shims`: the CJS build gets `import.meta.url`, which the module resolves its runtime by.
  definePackageBuild({
    entry: { module: 'src/module.ts' },
    platform: 'node',
    shims: true,
    external,
  }),
  // Runtime files are loaded by path from the module and bundled by the app: ESM only.
  definePackageBuild({
    entry: {
      'runtime/plugin': 'src/runtime/plugin.ts',
      'runtime/server/verify-captcha': 'src/runtime/server/verify-captcha.ts',
    },
    format: ['esm'],
    clean: false,
    external: [...external, '@passline/vue', '@passline/server'],
  }),
])
