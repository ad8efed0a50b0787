// Shared by this package's tests: a fake CaptchaLa per test (each on its own loader URL),
// and act()-wrapped waiting.
import { act, cleanup } from '@testing-library/react'
import {
  installFakeCaptchala,
  type FakeCaptchala,
  type FakeCaptchalaOptions,
} from '@passline/core/testing'
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

/** Lets the fake's microtasks and React's updates settle, inside act(). */
export async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}
