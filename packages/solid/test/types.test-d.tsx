// Type tests: checked by `pnpm typecheck` (tsc), never run.
import { expectTypeOf } from 'vitest'
import {
  Captcha,
  CaptchaConfigProvider,
  useCaptcha,
  type CaptchaHandle,
  type CaptchaStatus,
  type UseCaptchaReturn,
} from '../src/index'

declare const captcha: UseCaptchaReturn
expectTypeOf(captcha.status).toEqualTypeOf<() => CaptchaStatus>()
expectTypeOf(captcha.token).toEqualTypeOf<() => string | null>()
expectTypeOf(captcha.getToken).returns.resolves.toEqualTypeOf<string>()
expectTypeOf(captcha.ref).toEqualTypeOf<(element: HTMLElement) => void>()

export function OptionTypes() {
  // siteKey may come from the config provider, so it is optional here.
  useCaptcha({ action: 'login' })
  useCaptcha(() => ({ provider: 'captchala', product: 'popup', getServerToken: async () => 'x' }))
  // @ts-expect-error `product` belongs to CaptchaLa only
  useCaptcha({ provider: 'turnstile', product: 'popup' })
  // @ts-expect-error themes are auto, light or dark
  useCaptcha(() => ({ theme: 'blue' }))
  // @ts-expect-error the status is an accessor, not a value
  const status: CaptchaStatus = captcha.status
  return status
}

export function ComponentTypes() {
  let handle: CaptchaHandle | undefined
  return (
    <CaptchaConfigProvider value={{ siteKey: 'k' }}>
      <Captcha ref={handle} onVerify={(token) => token.length} theme="dark" />
      <Captcha ref={(value) => value.getState().status} provider="turnstile" appearance="execute" />
      {/* @ts-expect-error appearance is Turnstile's option */}
      <Captcha provider="captchala" appearance="execute" />
      {/* @ts-expect-error onVerify receives the token */}
      <Captcha onVerify={(token: number) => token} />
      <button onClick={() => handle?.execute()}>check</button>
    </CaptchaConfigProvider>
  )
}
