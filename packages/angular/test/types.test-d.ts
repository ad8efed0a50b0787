// Type tests: checked by `pnpm typecheck` (ngc), never run.
import type { Signal } from '@angular/core'
import { expectTypeOf } from 'vitest'
import {
  injectCaptcha,
  provideCaptchaDefaults,
  type CaptchaStatus,
  type InjectedCaptcha,
} from '../src/index'

declare const captcha: InjectedCaptcha
expectTypeOf(captcha.status).toEqualTypeOf<Signal<CaptchaStatus>>()
expectTypeOf(captcha.token).toEqualTypeOf<Signal<string | null>>()
expectTypeOf(captcha.getToken).returns.resolves.toEqualTypeOf<string>()
expectTypeOf(captcha.mount).toEqualTypeOf<(element: HTMLElement) => () => void>()

export function optionTypes(language: Signal<string>) {
  // siteKey may come from provideCaptchaDefaults, so it is optional here.
  injectCaptcha({ action: 'login' })
  injectCaptcha(() => ({ provider: 'captchala', product: 'popup', language: language() }))
  // @ts-expect-error `product` belongs to CaptchaLa only
  injectCaptcha({ provider: 'turnstile', product: 'popup' })
  // @ts-expect-error themes are auto, light or dark
  injectCaptcha(() => ({ theme: 'blue' }))
  // @ts-expect-error the status is a signal: read it by calling it
  const status: CaptchaStatus = captcha.status
  // @ts-expect-error a signal from injectCaptcha is read-only
  captcha.status.set('ready')
  return [status, provideCaptchaDefaults({ siteKey: 'k', nonce: 'n' })]
}
