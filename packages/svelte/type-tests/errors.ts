// Type test, checked by svelte-check in `pnpm typecheck`, never run: what must not compile.
import type { ComponentProps } from 'svelte'
import type { Captcha, CaptchaHandle, useCaptcha } from '../src/index.js'

type Props = ComponentProps<typeof Captcha>

export const fine: Props = { siteKey: 'k', provider: 'turnstile', appearance: 'execute' }
// @ts-expect-error themes are auto, light or dark
export const badTheme: Props = { siteKey: 'k', theme: 'blue' }
// @ts-expect-error appearance is Turnstile's option, not CaptchaLa's
export const wrongProvider: Props = { siteKey: 'k', provider: 'captchala', appearance: 'execute' }
// @ts-expect-error onverify receives the token
export const badHandler: Props = { siteKey: 'k', onverify: (token: number) => token }

/** What bind:this gives is the handle. */
export const handle: CaptchaHandle = {} as ReturnType<typeof Captcha>

export function readOnly(captcha: ReturnType<typeof useCaptcha>) {
  // @ts-expect-error the state is read-only
  captcha.status = 'ready'
  // @ts-expect-error the handle has no such method
  return captcha.solve()
}
