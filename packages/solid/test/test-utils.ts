// Shared by this package's tests: a fake CaptchaLa per test, each on its own loader URL.
import {
  installFakeCaptchala,
  type FakeCaptchala,
  type FakeCaptchalaOptions,
} from '@passline/core/testing'
import { cleanup } from '@solidjs/testing-library'
import { afterEach, vi } from 'vitest'

let fakes: FakeCaptchala[] = []

afterEach(() => {
  vi.useRealTimers()
  cleanup()
  for (const fake of fakes) fake.restore()
  fakes = []
  document.head.innerHTML = ''
})

export function fakeCaptchala(options: FakeCaptchalaOptions = {}) {
  const fake = installFakeCaptchala(options)
  fakes.push(fake)
  return { fake, scriptUrl: fake.scriptUrl }
}

/** Lets the fake's microtasks and Solid's effects settle. */
export async function settle() {
  await new Promise((resolve) => setTimeout(resolve, 0))
}
