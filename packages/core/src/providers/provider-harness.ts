// Shared by the Turnstile, hCaptcha and reCAPTCHA adapter tests: a controller on a fake
// provider API of its own, mounted into a fresh container, torn down after each test.
import { afterEach, expect } from 'vitest'
import { createCaptcha } from '../create-captcha'
import { flush } from '../test-setup'
import type { Captcha, CaptchaOptions } from '../types'
import { installFakeProvider, type FakeProviderWidget } from './fake-provider-api'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

export interface ProviderHarness {
  captcha: Captcha
  fake: ReturnType<typeof installFakeProvider>
  container: HTMLElement
  /** Lets the load finish and returns the widget rendered last. */
  ready(): Promise<FakeProviderWidget>
}

export function setupProvider(
  globalName: Parameters<typeof installFakeProvider>[0],
  options: Omit<CaptchaOptions, 'scriptUrl'>,
  fakeOptions: Parameters<typeof installFakeProvider>[1] = {},
): ProviderHarness {
  const fake = installFakeProvider(globalName, fakeOptions)
  const captcha = createCaptcha({ ...options, scriptUrl: fake.scriptUrl } as CaptchaOptions)
  const container = document.body.appendChild(document.createElement('div'))
  captcha.mount(container)
  cleanups.push(() => {
    captcha.destroy()
    fake.restore()
  })
  return {
    captcha,
    fake,
    container,
    async ready() {
      await flush()
      expect(captcha.getState().status).toBe('ready')
      return fake.latest()
    },
  }
}
