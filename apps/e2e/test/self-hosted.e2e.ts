// ALTCHA and Cap through the vanilla, React and element samples: their real widgets, served by
// the demo backend from their own packages, solving challenges the backend issued, and the
// signup passing. Then the token the page posted, replayed: refused by that backend, and by a
// second instance on the same real Redis (`token_consumed`); an instance with a memory store
// of its own, which never saw it, would take it.
import { createDemoApi, type DemoApi } from '@passline/demo-api'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  hasRedisServer,
  startRedis,
  type RedisProcess,
} from '../../../packages/server/test/redis-server.mjs'
import { APPS as ALL_APPS } from './apps'
import { freshEmail } from './emails'
import { appUrl, LIGHT_WORK, openPage, startStack, statusIs, type Stack } from './harness'

// Every sample offering them: SvelteKit's strict policy (kit.csp) refuses their workers.
const APPS = ALL_APPS.map((app) => app.name).filter((app) => app !== 'svelte-demo')
const SITE_KEYS = { altcha: '/api/altcha/challenge', cap: '/api/cap/' }
// The replays below are failures the policy counts: none of them may escalate the next test.
const POLICY = { challengeAfter: 1000, blockAfter: 2000 }

let redis: RedisProcess
let stack: Stack
let second: DemoApi
let separate: DemoApi
beforeAll(async () => {
  if (!hasRedisServer())
    throw new Error('redis-server is needed: `apt-get install -y redis-server` (scripts/test.sh)')
  redis = await startRedis()
  const shared = { redisUrl: redis.url, policy: POLICY, selfHosted: LIGHT_WORK }
  stack = await startStack(shared)
  second = await createDemoApi({ ...shared, captchalaUrl: stack.mock.url, port: 0 })
  separate = await createDemoApi({
    captchalaUrl: stack.mock.url,
    port: 0,
    policy: POLICY,
    selfHosted: LIGHT_WORK,
  })
})
afterAll(async () => {
  await stack?.close()
  await second?.close()
  await separate?.close()
  await redis?.stop()
})

/** The token the page posts with its signup, JSON or a form. */
function postedToken(page: Page): Promise<string> {
  return page
    .waitForRequest((request) => request.url().endsWith('/api/signup'))
    .then((request) => {
      const body = request.postData() ?? ''
      const token = request.headers()['content-type']?.startsWith('application/json')
        ? (JSON.parse(body) as { captchaToken?: string }).captchaToken
        : new URLSearchParams(body).get('captchaToken')
      if (!token) throw new Error(`no captchaToken in the signup: ${body}`)
      return token
    })
}

/** A signup with `captchaToken` sent straight to `api`, a new address each time. */
async function replay(api: DemoApi, provider: 'altcha' | 'cap', captchaToken: string) {
  const response = await fetch(`${api.url}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: freshEmail('replay'),
      captchaToken,
      provider,
      siteKey: SITE_KEYS[provider],
    }),
  })
  return { status: response.status, body: (await response.json()) as object }
}

const CHECKBOX = { altcha: "I'm not a robot", cap: "Verify you're human" }
const CONSUMED = { status: 403, body: { error: 'captcha_failed', reason: 'token_consumed' } }

describe.each(APPS)('%s with ALTCHA and Cap', (app) => {
  it.each([
    ['altcha', 'altcha-widget'],
    ['cap', 'cap-widget'],
  ] as const)(
    '%s: the real widget solves the backend’s challenge, the signup passes, its token is used once across instances',
    async (provider, tag) => {
      const { page } = await openPage(stack.browser, `${app}-${provider}`)
      const offSite: string[] = []
      page.on('request', (request) => {
        // Their workers start from blob: URLs, which stay in the page.
        const { protocol, hostname } = new URL(request.url())
        if (protocol !== 'blob:' && hostname !== '127.0.0.1') offSite.push(request.url())
      })
      await page.goto(appUrl(stack, app, { lang: 'en' }))
      await statusIs(page, 'ready')
      // Picked in the switcher, as a person would: the page reloads with it.
      await page.selectOption('#provider', provider)
      await page.waitForURL(new RegExp(`provider=${provider}`))
      await page.locator(`#captcha ${tag}`).waitFor()
      // A person ticks the box; the widget solves its proof of work.
      await page.getByText(CHECKBOX[provider]).click()
      await statusIs(page, 'verified')

      const email = freshEmail(provider)
      await page.fill('input[name=email]', email)
      const posted = postedToken(page)
      await page.click('#submit')
      await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
      const token = await posted

      // Its widgets, challenges and Cap's solver all came from the page's own site.
      expect(offSite).toEqual([])
      expect(await replay(stack.api, provider, token)).toEqual(CONSUMED)
      expect(await replay(second, provider, token)).toEqual(CONSUMED)
      // The contrast: an instance keeping used solutions in its own memory never saw it.
      expect((await replay(separate, provider, token)).status).toBe(201)
      await page.close()
    },
  )

  it.each(['altcha', 'cap'] as const)(
    '%s invisible: nothing to tick, the submit solves and signs up',
    async (provider) => {
      const { page } = await openPage(stack.browser, `${app}-${provider}-invisible`)
      await page.goto(appUrl(stack, app, { provider, mode: 'invisible', lang: 'en' }))
      await statusIs(page, 'ready')
      const email = freshEmail(provider)
      await page.fill('input[name=email]', email)
      await page.click('#submit')
      await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
      await page.close()
    },
  )
})
