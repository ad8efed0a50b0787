import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'
import { rawPlugin } from './raw-plugin'

export default defineConfig(
  definePackageBuild({
    entry: {
      index: 'src/index.ts',
      cli: 'src/cli.ts',
      playwright: 'src/playwright.ts',
      'playwright-test': 'src/playwright-test.ts',
      msw: 'src/msw.ts',
    },
    platform: 'node',
    target: 'node18',
    // The browser assets are inlined (`?raw`), so the emulator also runs in a browser (MSW).
    esbuildPlugins: [rawPlugin],
  }),
)
