import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

const PROVIDERS = [
  'captchala',
  'turnstile',
  'hcaptcha',
  'recaptcha',
  'altcha',
  'cap',
  'friendlycaptcha',
]

const publicEntries = {
  index: 'src/index.ts',
  // One provider, its adapter carried along: no registry, no adapter chunk to fetch.
  ...Object.fromEntries(PROVIDERS.map((name) => [name, `src/${name}.ts`])),
  testing: 'src/testing.ts',
}

export default defineConfig(
  definePackageBuild({
    entry: {
      ...publicEntries,
      // The adapters the registry imports lazily, as entries of their own (not exported): the
      // registry's `import()` then names `adapters/turnstile.js`, not a chunk with a hash in
      // its name, which is 9 bytes gzip cannot compress on every page, once per provider.
      ...Object.fromEntries(
        PROVIDERS.map((name) => [`adapters/${name}`, `src/providers/${name}.ts`]),
      ),
      // The components' translations, imported lazily by `loadCaptchaTexts`, likewise.
      'texts/translations': 'src/texts/translations.ts',
    },
    dts: { entry: publicEntries },
    // ESM splits (each provider adapter is a chunk of its own, fetched on first use); CJS does not.
    splitting: undefined,
    esbuildOptions(options) {
      // Internal fields end in one `_` (the driver, widget and widget-event contracts between
      // the controller and its adapters): shortened in the build, as a minifier cannot know
      // that nothing outside reads them. Public names never end in `_`.
      options.mangleProps = /[^_]_$/
    },
  }),
)
