import { playwright } from '@vitest/browser-playwright'
import type { Route } from 'playwright'
import type { BrowserCommand } from 'vitest/node'
import { CHROMIUM_FLAGS, CHROMIUM_PATH, definePasslineProject } from '../../vitest.shared.ts'

// In Chromium (Debian's, through Playwright): jsdom has no ElementInternals.setFormValue and
// no native form validation, which is what this element is about. The mock provider runs in
// Node (test/global-setup.ts); its URL reaches the tests through `inject('mockUrl')`.
// Server-side imports are vitest.ssr.config.ts.

/**
 * What a site's backend does before a stronger challenge: asks CaptchaLa (the mock) for a
 * server token with the app's secret. Runs in Node: the secret never reaches the page.
 */
const issueServerToken: BrowserCommand<[mockUrl: string, action: string]> = async (
  _context,
  mockUrl,
  action,
) => {
  const response = await fetch(`${mockUrl}/v1/server/challenge/issue`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-app-key': 'test_pass_invisible',
      'x-app-secret': 'test_secret',
    },
    body: JSON.stringify({ action }),
  })
  const body = (await response.json()) as { data: { server_token: string } }
  return body.data.server_token
}
/**
 * A blocked network for the page's requests whose URL contains `part` (a CDN that is down, a
 * blocker), until `unblockRequests`: Playwright's routing, on the page the tests run in.
 */
const blocked: [matches: (url: URL) => boolean, abort: (route: Route) => Promise<void>][] = []
const blockRequests: BrowserCommand<[part: string]> = async ({ page }, part) => {
  const rule =
    blocked[blocked.push([(url) => url.href.includes(part), (route) => route.abort()]) - 1]!
  await page.route(...rule)
}
const unblockRequests: BrowserCommand<[]> = async ({ page }) => {
  for (const rule of blocked.splice(0)) await page.unroute(...rule)
}

export default definePasslineProject('element', {
  exclude: ['**/*.ssr.test.ts', '**/node_modules/**'],
  globalSetup: ['test/global-setup.ts'],
  browser: {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
    }),
    instances: [{ browser: 'chromium' }],
    screenshotFailures: false,
    commands: { issueServerToken, blockRequests, unblockRequests },
  },
})
