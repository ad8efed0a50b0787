import type {
  Captcha,
  CaptchaError,
  CaptchaState,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import { createCaptchaBinding } from './captcha-binding'

export interface UseCaptchaReturn extends Pick<
  Captcha,
  'execute' | 'getToken' | 'consume' | 'reset'
> {
  /** The container's ref: `<div ref={captcha.ref} />`. */
  ref: (element: HTMLElement) => void
  /** The whole snapshot. */
  state: () => CaptchaState
  status: () => CaptchaStatus
  token: () => string | null
  error: () => CaptchaError | null
  expiresAt: () => number | null
}

/**
 * A CAPTCHA for this component. Pass an accessor to make the options reactive: their changes
 * reach the widget (language in place, theme re-renders, a new siteKey re-creates it).
 * Cleaned up with its owner.
 * @example
 * const captcha = useCaptcha(() => ({ siteKey: 'app-key', action: 'signup', language: lang() }))
 * // <div ref={captcha.ref} />  {captcha.status()}  await captcha.consume()
 */
export function useCaptcha(
  options: UseCaptchaOptions | (() => UseCaptchaOptions),
): UseCaptchaReturn {
  const { captcha, state, ref } = createCaptchaBinding(
    typeof options === 'function' ? options : () => options,
  )
  return {
    ref,
    state,
    status: () => state().status,
    token: () => state().token,
    error: () => state().error,
    expiresAt: () => state().expiresAt,
    execute: captcha.execute,
    getToken: captcha.getToken,
    consume: captcha.consume,
    reset: captcha.reset,
  }
}
