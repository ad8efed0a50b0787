// Type tests: checked by `pnpm typecheck` (tsc), never run.
import { expectTypeOf } from 'vitest'
import type {
  CaptchaError,
  CaptchaState,
  CaptchaStatus,
  PasslineCaptchaElement,
} from '../src/index'

const captcha = document.createElement('passline-captcha')
expectTypeOf(captcha).toEqualTypeOf<PasslineCaptchaElement>()
expectTypeOf(
  document.querySelector('passline-captcha'),
).toEqualTypeOf<PasslineCaptchaElement | null>()
expectTypeOf(captcha.value).toEqualTypeOf<string | null>()
expectTypeOf(captcha.getState()).toEqualTypeOf<CaptchaState>()
expectTypeOf(captcha.getToken).returns.resolves.toEqualTypeOf<string>()
expectTypeOf(captcha.form).toEqualTypeOf<HTMLFormElement | null>()

captcha.siteKey = 'k'
captcha.theme = 'dark'
captcha.getServerToken = async () => 'st'
captcha.refreshMarginMs = 1000
captcha.required = true
// @ts-expect-error themes are auto, light or dark
captcha.theme = 'blue'
// @ts-expect-error a number option takes a number
captcha.tokenTtlMs = '1000'
// @ts-expect-error the value is the token: read-only
captcha.value = 'pt_forged'

captcha.addEventListener('passline-verify', (event) => {
  expectTypeOf(event.detail).toEqualTypeOf<string>()
})
captcha.addEventListener('passline-error', (event) => {
  expectTypeOf(event.detail).toEqualTypeOf<CaptchaError>()
})
captcha.addEventListener('passline-status', (event) => {
  expectTypeOf(event.detail).toEqualTypeOf<CaptchaStatus>()
})
