// Shared by this package's tests: a fake CaptchaLa per test, each on its own loader URL.
import {
  installFakeCaptchala,
  type FakeCaptchala,
  type FakeCaptchalaOptions,
} from '@passline/core/testing'
import { ApplicationRef } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import { afterEach, vi } from 'vitest'

let fakes: FakeCaptchala[] = []

afterEach(() => {
  vi.useRealTimers()
  for (const fake of fakes) fake.restore()
  fakes = []
  document.head.innerHTML = ''
})

export function fakeCaptchala(options: FakeCaptchalaOptions = {}) {
  const fake = installFakeCaptchala(options)
  fakes.push(fake)
  return { fake, scriptUrl: fake.scriptUrl }
}

/**
 * Lets the fake's microtasks and timers and Angular's scheduled change detection settle: the
 * app is stable (no render pending) and stays so after a turn of the event loop.
 */
export async function settle() {
  const app = TestBed.inject(ApplicationRef)
  for (let round = 0; round < 3; round++) {
    await app.whenStable()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}
