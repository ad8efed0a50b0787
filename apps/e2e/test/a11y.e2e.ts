// Every page we ship, as a person meets it, against WCAG 2.2 AA: axe-core's rules for the
// WCAG 2.0, 2.1 and 2.2 A and AA tags (target size and contrast included) in Chromium, on a
// phone and on a desktop window, in each state the page can be in — with its widget, after
// the provider's loader failed, with CaptchaLa's popup or hCaptcha's challenge dialog open.
// Every sample `npm run demo` starts, the Lit page beside the HTML one, the mock's front page,
// and the taught-path apps, where the binding's own component says the check could not load
// and offers "Try again". Then each sample's form is completed with the keyboard alone.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createEmulator, type Emulator } from '@passline/mock-server'
import { routeProviders } from '@passline/mock-server/playwright'
import type { BrowserContextOptions, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TAUGHT_APPS } from '../taught/apps'
import { serveApp, type ServedApp } from '../taught/serve'
import { APPS } from './apps'
import { freshEmail } from './emails'
import { startNext, startNuxt } from './framework-servers'
import { appUrl, openPage, startStack, statusIs, type Stack } from './harness'
import type { RunningApp } from './node-server'

/** The tags of every rule axe-core has for WCAG 2.0–2.2 A and AA (as `vitest.axe.ts`). */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8')

/** A phone: each page is opened on one, so it meets touch and the small screen from the start. */
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
}
const DESKTOP = { width: 1280, height: 900 }

/**
 * Turns the phone's page into a desktop's, in place: the same state checked again without
 * bringing it about twice. Through a DevTools session of its own (Playwright sets isMobile and
 * touch only for a new context), kept open: closing it would undo its overrides.
 */
async function widenToDesktop(page: Page) {
  const session = await page.context().newCDPSession(page)
  await session.send('Emulation.setTouchEmulationEnabled', { enabled: false })
  await session.send('Emulation.setDeviceMetricsOverride', {
    ...DESKTOP,
    deviceScaleFactor: 1,
    mobile: false,
  })
  // A frame, so anything the page does on resize has run before axe looks.
  const seen = await page.evaluate(async () => {
    await new Promise(requestAnimationFrame)
    return {
      width: innerWidth,
      height: innerHeight,
      touch: matchMedia('(pointer: coarse)').matches,
    }
  })
  expect(seen, 'the page is a desktop’s now').toEqual({ ...DESKTOP, touch: false })
}

/** Each violation as one line: the rule, the element and what axe says is wrong with it. */
async function axeViolations(page: Page): Promise<string[]> {
  // Through the DevTools protocol, so a page's own Content-Security-Policy does not apply;
  // once per document.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async (tags) => {
    type Axe = {
      run(
        context: Document,
        options: object,
      ): Promise<{
        violations: {
          id: string
          nodes: { target: unknown[]; html: string; failureSummary?: string }[]
        }[]
      }>
    }
    const { axe } = window as unknown as { axe: Axe }
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })
    return results.violations.flatMap(({ id, nodes }) =>
      nodes.map(({ target, html, failureSummary }) => ({
        id,
        target: target.join(' '),
        html,
        failureSummary,
      })),
    )
  }, WCAG_22_AA)
  return violations.map(
    ({ id, target, html, failureSummary }) =>
      `${id} at ${target}: ${html.slice(0, 160)}\n    ${failureSummary?.replace(/\n/g, ' ')}`,
  )
}

let stack: Stack
let next: RunningApp
let nuxt: RunningApp
/** The taught apps' CaptchaLa, on its own hosts: it knows the app key the READMEs write. */
const taughtEmulator: Emulator = createEmulator({
  apps: [{ appKey: 'your-app-key', appSecret: 'unused' }],
})
const taught = new Map<string, ServedApp>()
const A11Y_TAUGHT_APPS = TAUGHT_APPS.filter((app) => app.bundled)

beforeAll(async () => {
  stack = await startStack()
  next = await startNext(stack.mock.url)
  nuxt = await startNuxt(stack.mock.url)
  // The states checked here never post: no backend behind the apps' /api.
  for (const app of A11Y_TAUGHT_APPS)
    taught.set(app.name, await serveApp(app.served, 'http://127.0.0.1:9'))
})

afterAll(async () => {
  await Promise.all([...taught.values()].map((app) => app.close()))
  await nuxt?.close()
  await next?.close()
  await stack?.close()
})

const loader = '**/captchala-loader.js*'
/** The provider's loader answering 500: every try fails, and the page says so. */
const blockLoader = (page: Page) => page.route(loader, (route) => route.fulfill({ status: 500 }))

/** A state of a page: how to bring it about, on a fresh page. */
type State = (page: Page) => Promise<void>

/**
 * A component's own failure (the element's, a binding's): its words and its Try again button,
 * where the widget would be, in `within`.
 */
async function componentFailed(within: Page | Locator) {
  await within.getByText('The security check could not load.').waitFor()
  await within.getByRole('button', { name: 'Try again' }).waitFor()
}

/** Submits the form, whose check cannot load, and waits for the page to say `words`. */
async function submitFails(page: Page, words: string) {
  await page.fill('input[name=email]', freshEmail('a11y'))
  await page.click('#submit')
  await page.locator('#result', { hasText: words }).waitFor()
}

/** The samples whose widget is a component that shows its own failure, message and Try again. */
const COMPONENT_SAMPLES = ['element-demo', 'angular-demo']

/** The samples with the provider, flow and key switchers: every state the page has. */
function switcherStates(
  app: string,
  url: (query: Record<string, string>) => string,
): Record<string, State> {
  return {
    'with its widget': async (page) => {
      await page.goto(url({ lang: 'en' }))
      await statusIs(page, 'ready')
      await page.locator('#captcha .cl-check').waitFor()
    },
    'after the loader failed': async (page) => {
      await blockLoader(page)
      await page.goto(url({ lang: 'en' }))
      await statusIs(page, 'error (script-load-failed)')
      if (COMPONENT_SAMPLES.includes(app)) await componentFailed(page.locator('#captcha'))
      // The others' words come on a submit, which tries at once and fails again.
      else await submitFails(page, 'The security check could not load.')
    },
    'with CaptchaLa’s popup open': async (page) => {
      await page.goto(url({ mode: 'bind', lang: 'en' }))
      await statusIs(page, 'ready')
      await page.click('#submit')
      await page.getByRole('dialog').getByRole('button', { name: "I'm not a robot" }).waitFor()
    },
    'with hCaptcha’s challenge open': async (page) => {
      await page.goto(url({ provider: 'hcaptcha', mode: 'invisible', lang: 'en' }))
      await statusIs(page, 'ready')
      await page.click('#submit')
      await page.getByRole('dialog').getByRole('button', { name: 'I am human' }).waitFor()
    },
  }
}

/**
 * A page with one flow (the framework samples, the Lit page): ready, or after its loader
 * failed, once `failed` says so.
 */
function plainStates(url: () => string, failed: (page: Page) => Promise<void>) {
  return {
    ready: async (page) => {
      await page.goto(url())
      await statusIs(page, 'ready')
    },
    'after the loader failed': async (page) => {
      await blockLoader(page)
      await page.goto(url())
      await failed(page)
    },
  } satisfies Record<string, State>
}

/** The framework samples name the error, on the status line and in words after a submit. */
async function failedLoad(page: Page) {
  await statusIs(page, 'error (script-load-failed)')
  await submitFails(page, 'The security check could not finish (script-load-failed)')
}

const PAGES: Record<string, Record<string, State>> = {
  ...Object.fromEntries(
    APPS.map((app) => [
      app.name,
      switcherStates(app.name, (query) => appUrl(stack, app.name, query)),
    ]),
  ),
  'element-demo (Lit)': plainStates(
    () => `${stack.apps.get('element-demo')!.url}lit.html`,
    (page) => componentFailed(page.locator('#captcha')),
  ),
  'next-demo': plainStates(() => next.url, failedLoad),
  'nuxt-demo': plainStates(() => nuxt.url, failedLoad),
  'the mock’s front page': {
    'with its widget': async (page) => {
      await page.goto(stack.mock.url)
      await page.locator('.cl-check').waitFor()
    },
  },
  ...Object.fromEntries(
    A11Y_TAUGHT_APPS.map((app) => {
      const check = (page: Page) => page.getByRole('button', { name: "I'm not a robot" })
      const status = (page: Page, text: RegExp) => page.locator('#status', { hasText: text })
      // The core's recipe page: a status line, and the challenge runs on the submit.
      const coreStates: Record<string, State> = {
        'ready to submit': async (page) => {
          await routeProviders(page, taughtEmulator)
          await page.goto(taught.get(app.name)!.url)
          await status(page, /^ready$/).waitFor()
        },
        'after the loader failed': async (page) => {
          await page.route(/^https:\/\//, (route) => route.abort())
          await page.goto(taught.get(app.name)!.url)
          await status(page, /^The security check could not load\.$/).waitFor()
        },
      }
      const states: Record<string, State> =
        app.shows === 'status'
          ? coreStates
          : {
              'with its widget': async (page) => {
                await routeProviders(page, taughtEmulator)
                await page.goto(taught.get(app.name)!.url)
                await check(page).waitFor()
              },
              'after the loader failed': async (page) => {
                await page.route(/^https:\/\//, (route) => route.abort())
                await page.goto(taught.get(app.name)!.url)
                await componentFailed(page)
              },
            }
      return [`the taught ${app.name} app`, states]
    }),
  ),
}

describe.each(Object.keys(PAGES))('%s', (name) => {
  it.each(Object.keys(PAGES[name]!))(
    '%s: no WCAG 2.2 A/AA violation on a phone, nor on a desktop',
    async (state) => {
      const { page } = await openPage(stack.browser, `a11y-${name}-${state}`, PHONE)
      await PAGES[name]![state]!(page)
      const phone = await axeViolations(page)
      await widenToDesktop(page)
      const desktop = await axeViolations(page)
      expect({ phone, desktop }).toEqual({ phone: [], desktop: [] })
      await page.close()
    },
  )
})

/**
 * Presses Tab until `target` has the focus (inside shadow roots too), for at most `most`
 * presses; fails, naming where the focus went, if it leaves the page or never gets there.
 */
async function tabTo(page: Page, target: Locator, most = 12) {
  const path: string[] = []
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press('Tab')
    const focused = await target.evaluate((element) => {
      let active = document.activeElement
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
      return {
        here: active === element,
        what: active ? `${active.localName}${active.id ? `#${active.id}` : ''}` : 'nothing',
      }
    })
    if (focused.here) return
    path.push(focused.what)
    if (focused.what === 'body' || focused.what === 'nothing') break
  }
  throw new Error(`Tab never reached ${String(target)}; the focus went ${path.join(' → ')}`)
}

/** Types into the field that has the focus, replacing what it held. */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}

describe('the form completed with the keyboard alone', () => {
  const KEYBOARD: Record<string, { url: () => string; widget: boolean }> = {
    ...Object.fromEntries(
      APPS.map((app) => [
        app.name,
        { url: () => appUrl(stack, app.name, { lang: 'en' }), widget: true },
      ]),
    ),
    'element-demo (Lit)': {
      url: () => `${stack.apps.get('element-demo')!.url}lit.html`,
      widget: true,
    },
    // One flow only, invisible: nothing to tick, the submit runs the check.
    'next-demo': { url: () => next.url, widget: false },
    'nuxt-demo': { url: () => nuxt.url, widget: false },
  }

  it.each(Object.keys(KEYBOARD))(
    '%s: Tab to the email and type it, Tab to the widget and press Space (where there is one), Enter on submit: signed up, and the page passes axe',
    async (name) => {
      const sample = KEYBOARD[name]!
      const { page } = await openPage(stack.browser, `a11y-keyboard-${name}`, { viewport: DESKTOP })
      await page.goto(sample.url())
      await statusIs(page, 'ready')
      const email = freshEmail('keyboard')
      await tabTo(page, page.locator('input[name=email]'))
      await typeOver(page, email)
      if (sample.widget) {
        await tabTo(page, page.locator('#captcha .cl-check'))
        await page.keyboard.press('Space')
        await statusIs(page, 'verified')
      }
      await tabTo(page, page.locator('#submit'))
      await page.keyboard.press('Enter')
      await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
      expect(await axeViolations(page)).toEqual([])
      await page.close()
    },
  )

  it.each(APPS.map((app) => app.name))(
    '%s, popup flow: Enter on submit opens the popup with the focus on its check, Space solves it and signs up',
    async (app) => {
      const { page } = await openPage(stack.browser, `a11y-keyboard-popup-${app}`, {
        viewport: DESKTOP,
      })
      await page.goto(appUrl(stack, app, { mode: 'bind', lang: 'en' }))
      await statusIs(page, 'ready')
      const email = freshEmail('keyboard')
      await tabTo(page, page.locator('input[name=email]'))
      await typeOver(page, email)
      await tabTo(page, page.locator('#submit'))
      await page.keyboard.press('Enter')
      const check = page.getByRole('dialog').getByRole('button', { name: "I'm not a robot" })
      await check.waitFor()
      expect(await check.evaluate((element) => element === document.activeElement)).toBe(true)
      await page.keyboard.press('Space')
      await page.locator('#result', { hasText: `Welcome, ${email}` }).waitFor()
      await page.close()
    },
  )
})
