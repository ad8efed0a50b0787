// Shared by this package's tests: a fake CaptchaLa on its own loader URL per controller, so
// the page-wide load cache of one test never serves another.
import { afterEach, vi } from 'vitest'
import { createCaptcha } from './create-captcha'
import { installFakeCaptchala, type FakeCaptchalaOptions } from './testing'
import type { Captcha, CaptchalaOptions, CaptchaStatus } from './types'

let loaderCount = 0
export const uniqueLoaderUrl = () => `https://mock.test/${++loaderCount}/captchala-loader.js`

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  document.body.innerHTML = ''
  document.head.innerHTML = ''
})

export interface Harness {
  captcha: Captcha
  fake: ReturnType<typeof installFakeCaptchala>
  container: HTMLElement
  statuses: CaptchaStatus[]
  mount(): () => void
}

export function setup(
  options: Partial<CaptchalaOptions> = {},
  fakeOptions: FakeCaptchalaOptions = {},
): Harness {
  const fake = installFakeCaptchala(fakeOptions)
  const captcha = createCaptcha({ siteKey: 'test_pass', scriptUrl: fake.scriptUrl, ...options })
  const container = document.createElement('div')
  document.body.appendChild(container)
  const statuses: CaptchaStatus[] = []
  captcha.subscribe((state) => statuses.push(state.status))
  cleanups.push(() => {
    captcha.destroy()
    fake.restore()
  })
  return { captcha, fake, container, statuses, mount: () => captcha.mount(container) }
}

/** Lets queued microtasks and zero-delay timers run under fake timers. */
export async function flush() {
  await vi.advanceTimersByTimeAsync(0)
}
