// Type tests on Solid 2's types: checked by this project's `typecheck` (tsc), never run.
import { createSignal } from 'solid-js'
import { expectTypeOf } from 'vitest'
import {
  Captcha,
  CaptchaConfigProvider,
  useCaptcha,
  type CaptchaHandle,
  type CaptchaStatus,
} from '@passline/solid'

export function Page() {
  const captcha = useCaptcha(() => ({ siteKey: 'k', action: 'signup' }))
  expectTypeOf(captcha.status).toEqualTypeOf<() => CaptchaStatus>()
  const [language] = createSignal('en')
  let handle: CaptchaHandle | undefined
  return (
    <CaptchaConfigProvider value={{ siteKey: 'k', language: language() }}>
      <Captcha
        ref={handle}
        onVerify={(token) => token.length}
        class="box"
        style={{ 'min-height': '65px' }}
      >
        {(failure) => (
          <p>
            {failure().message}
            <button onClick={() => failure().retry()}>{captcha.token()}</button>
          </p>
        )}
      </Captcha>
      <div ref={captcha.ref} />
      {/* @ts-expect-error onVerify receives the token */}
      <Captcha onVerify={(token: number) => token} />
      {/* @ts-expect-error appearance is Turnstile's option */}
      <Captcha provider="captchala" appearance="execute" />
    </CaptchaConfigProvider>
  )
}
