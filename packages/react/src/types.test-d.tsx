// Type tests: checked by `pnpm typecheck` (tsc), never run.
import { createRef } from 'react'
import { expectTypeOf } from 'vitest'
import {
  Captcha,
  useCaptcha,
  type CaptchaHandle,
  type CaptchaStatus,
  type UseCaptchaResult,
} from './index'

declare const result: UseCaptchaResult
expectTypeOf(result.status).toEqualTypeOf<CaptchaStatus>()
expectTypeOf(result.token).toEqualTypeOf<string | null>()
expectTypeOf(result.getToken).returns.resolves.toEqualTypeOf<string>()
expectTypeOf(result.ref).toEqualTypeOf<(element: HTMLElement | null) => void>()
expectTypeOf(useCaptcha).parameter(0).toMatchTypeOf<{ siteKey?: string }>()

export function OptionTypes() {
  // siteKey may come from the config provider, so it is optional here.
  useCaptcha({ action: 'login' })
  useCaptcha({ provider: 'captchala', product: 'popup', getServerToken: async () => 'sct_x' })
  // @ts-expect-error `product` belongs to CaptchaLa only
  useCaptcha({ provider: 'turnstile', product: 'popup' })
  // @ts-expect-error themes are auto, light or dark
  useCaptcha({ theme: 'blue' })
  return null
}

const handle = createRef<CaptchaHandle>()
void (<Captcha ref={handle} siteKey="k" onVerify={(token) => expectTypeOf(token).toBeString()} />)
void (
  <Captcha
    onError={(error) => expectTypeOf(error.code).toBeString()}
    onStatusChange={(s) => expectTypeOf(s).toEqualTypeOf<CaptchaStatus>()}
  />
)
// @ts-expect-error onVerify receives a token string
void (<Captcha onVerify={(token: number) => token} />)
expectTypeOf<CaptchaHandle['getState']>().returns.toHaveProperty('status')
