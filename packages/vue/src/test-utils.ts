// Shared by this package's tests: a fake CaptchaLa per test on a fresh loader URL, so the
// page-wide load cache of one test never serves another.
import { flushPromises } from '@vue/test-utils'
import {
  installFakeCaptchala,
  type FakeCaptchala,
  type FakeCaptchalaOptions,
} from '@passline/core/testing'
import { afterEach, vi } from 'vitest'

let loaderCount = 0
let fakes: FakeCaptchala[] = []

afterEach(() => {
  vi.useRealTimers()
  for (const fake of fakes) fake.restore()
  fakes = []
  document.head.innerHTML = ''
  document.body.innerHTML = ''
})

export function fakeCaptchala(options: FakeCaptchalaOptions = {}) {
  const fake = installFakeCaptchala(options)
  fakes.push(fake)
  return { fake, scriptUrl: `https://mock.test/vue-${++loaderCount}/captchala-loader.js` }
}

/** Lets the fake's microtasks and Vue's updates settle. */
export async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 0))
  await flushPromises()
}
