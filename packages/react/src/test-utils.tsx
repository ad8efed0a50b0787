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

/**
 * Runs `call` inside act() and hands back what it resolved with. Preact's act(), unlike
 * React's, resolves with nothing, so the binding's tests read values this way on both.
 */
export async function actResult<T>(call: () => Promise<T>): Promise<T> {
  let result: { value: T } | undefined
  await act(async () => {
    result = { value: await call() }
  })
  return result!.value
}

/** Which renderer the tests run on: the Preact compat project says so in its environment. */
export const RENDERER = process.env.PASSLINE_RENDERER === 'preact' ? 'preact' : 'react'
