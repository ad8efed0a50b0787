import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig(
  definePackageBuild({
    entry: {
      index: 'src/index.ts',
      // One provider, its adapter carried along: no registry, no adapter chunk to fetch.
      captchala: 'src/captchala.ts',
      turnstile: 'src/turnstile.ts',
      hcaptcha: 'src/hcaptcha.ts',
      recaptcha: 'src/recaptcha.ts',
      altcha: 'src/altcha.ts',
      cap: 'src/cap.ts',
      friendlycaptcha: 'src/friendlycaptcha.ts',
      testing: 'src/testing.ts',
    },
    // ESM splits (each provider adapter is a chunk of its own, fetched on first use); CJS does not.
    splitting: undefined,
  }),
)
