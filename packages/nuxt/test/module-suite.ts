// The module in a real Nuxt app, built for production and served: server rendering, the
// auto-imports, the public and private runtime config, and verifyCaptcha against the mock.
// Run on the module's own fixture (Nuxt 4), on compat/nuxt-3's (Nuxt 3.21) and on
// compat/nuxt-3.13's.
import { createMockServer, solveChallenge } from '@passline/mock-server'
import { $fetch, createPage, fetch, setup, url, useTestContext } from '@nuxt/test-utils/e2e'
import { afterAll, describe, expect, it } from 'vitest'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../vitest.shared.ts'

export async function moduleSuite(nuxt: string, rootDir: string) {
  const mock = await createMockServer()
  afterAll(() => mock.close())

  await setup({
    rootDir,
    env: {
      NUXT_PASSLINE_SECRET: 'test_secret',
      NUXT_PASSLINE_BASE_URL: mock.url,
      NUXT_PUBLIC_PASSLINE_SCRIPT_URL: `${mock.url}/captchala-loader.js`,
    },
    browser: true,
    browserOptions: {
      type: 'chromium',
      launch: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
    },
    setupTimeout: 300_000,
  })

  const verify = (body: object) =>
    fetch('/api/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: await response.json() }))

  const token = async (action = 'signup') =>
    (await solveChallenge(mock.url, { appKey: 'test_pass_invisible', action })).token

  describe(`@passline/nuxt in a built ${nuxt} app`, () => {
    it(`was built by ${nuxt}`, () => {
      expect(useTestContext().nuxt?._version).toMatch(new RegExp(`^${nuxt.split(' ')[1]}\\.`))
    })

    it('server-renders both auto-imported widgets with the public config, and never the secret', async () => {
      const html = await $fetch<string>('/')
      expect(html.match(/data-passline-captcha/g)).toHaveLength(1)
      expect(html).toContain('<p id="status">idle</p>')
      expect(html).toContain('test_pass_invisible')
      expect(html).not.toContain('test_secret')
    })

    it('reads the secret and the server options from the environment at run time', async () => {
      expect(await $fetch('/api/config')).toEqual({
        hasSecret: true,
        public: {
          provider: 'captchala',
          siteKey: 'test_pass_invisible',
          scriptUrl: `${mock.url}/captchala-loader.js`,
          language: 'auto',
          theme: 'auto',
        },
      })
    })

    it('verifyCaptcha passes a fresh token once, and refuses a replay, another action and garbage', async () => {
      const fresh = await token()
      expect(await verify({ token: fresh })).toEqual({
        status: 200,
        body: { success: true, error: null, provider: 'captchala', clientIp: '127.0.0.1' },
      })
      expect(await verify({ token: fresh })).toMatchObject({
        status: 403,
        body: { success: false, error: 'token_consumed' },
      })
      expect(await verify({ token: await token('login') })).toMatchObject({
        status: 403,
        body: { error: 'token_action_mismatch' },
      })
      for (const garbage of ['pt_forged', '', 42, null]) {
        expect(await verify({ token: garbage })).toMatchObject({
          status: 403,
          body: { success: false },
        })
      }
    })

    it('in the browser: hydrates without warnings, solves with the defaults, and the server verifies', async () => {
      const page = await createPage()
      const warnings: string[] = []
      page.on('console', (message) => {
        if (['warning', 'error'].includes(message.type())) warnings.push(message.text())
      })
      await page.goto(url('/'))
      await page.locator('#status', { hasText: 'ready' }).waitFor()
      await page.click('#submit')
      await page.locator('#result', { hasText: '"success":true' }).waitFor()
      expect(warnings).toEqual([])
      await page.close()
    })
  })
}
