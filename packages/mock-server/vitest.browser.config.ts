import { copyFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import type { UserWorkspaceConfig } from 'vitest/config'
import { CHROMIUM_FLAGS, CHROMIUM_PATH, definePasslineProject } from '../../vitest.shared.ts'
import { writeRecipe } from './test/recipes.ts'

// In a real browser with no server: MSW's service worker answers the providers' hosts from an
// emulator running in the page. The README's browser-mode recipe runs as written, next to
// this package's own browser tests.
writeRecipe('Vitest browser mode:', 'test/.recipes/signup.browser.test.ts')

// MSW's worker script, served at the root as `npx msw init public/` would put it.
const publicDir = fileURLToPath(new URL('./.test-build/msw-public/', import.meta.url))
mkdirSync(publicDir, { recursive: true })
const msw = dirname(createRequire(import.meta.url).resolve('msw/package.json'))
copyFileSync(join(msw, 'lib/mockServiceWorker.js'), join(publicDir, 'mockServiceWorker.js'))

const config: UserWorkspaceConfig = {
  ...definePasslineProject('mock-server-browser', {
    include: ['test/**/*.browser.test.ts', 'test/.recipes/*.browser.test.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
      }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  }),
  publicDir,
}

export default config
