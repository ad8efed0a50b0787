import type { Captcha, CaptchaError, CaptchaStatus, UseCaptchaOptions } from '@passline/core'
import { useCaptchaController } from './use-captcha-controller'

export interface UseCaptchaResult extends Pick<
  Captcha,
  'execute' | 'getToken' | 'consume' | 'reset'
> {
  /** Callback ref for the element the widget renders into (with `product: 'bind'`, the trigger). */
  ref: (element: HTMLElement | null) => void
  status: CaptchaStatus
  token: string | null
  error: CaptchaError | null
  expiresAt: number | null
}

/**
 * A CAPTCHA for this component: attach `ref` to an element, read `status`/`token`, and call
 * `getToken()` (or `consume()`) on submit.
 * @example
 * const captcha = useCaptcha({ siteKey: 'app-key', action: 'signup' })
 * return <form onSubmit={async (e) => { e.preventDefault(); send(await captcha.consume()) }}>
 *   <div ref={captcha.ref} /> <button disabled={captcha.status === 'loading'}>Sign up</button></form>
 */
export function useCaptcha(options: UseCaptchaOptions): UseCaptchaResult {
  const { captcha, state, ref } = useCaptchaController(options)
  return {
    ...state,
    ref,
    execute: captcha.execute,
    getToken: captcha.getToken,
    consume: captcha.consume,
    reset: captcha.reset,
  }
}
