import type {
  Captcha,
  CaptchaError,
  CaptchaState,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import type { Action } from 'svelte/action'
import type { Attachment } from 'svelte/attachments'
import { createCaptchaBinding } from './captcha-binding.svelte.js'

export interface UseCaptchaReturn extends Pick<
  Captcha,
  'execute' | 'getToken' | 'consume' | 'reset'
> {
  /** The whole snapshot; reactive, read without `$`. */
  readonly state: CaptchaState
  readonly status: CaptchaStatus
  readonly token: string | null
  readonly error: CaptchaError | null
  readonly expiresAt: number | null
  /** The widget's container as an attachment: `<div {@attach captcha.attach}></div>`. */
  attach: Attachment<HTMLElement>
  /** The same as an action, for code that prefers it: `<div use:captcha.action></div>`. */
  action: Action<HTMLElement>
}

/**
 * A CAPTCHA for this component. Pass a getter to make the options reactive: their changes
 * reach the widget (language in place, theme re-renders, a new siteKey re-creates it). Call
 * it while a component initialises, in the component or in a `.svelte.ts` module it uses.
 * @example
 * const captcha = useCaptcha(() => ({ siteKey: 'app-key', action: 'signup', language }))
 * // <div {@attach captcha.attach}></div>  {captcha.status}  await captcha.consume()
 */
export function useCaptcha(
  options: UseCaptchaOptions | (() => UseCaptchaOptions),
): UseCaptchaReturn {
  const binding = createCaptchaBinding(typeof options === 'function' ? options : () => options)
  const { captcha, attach } = binding
  return {
    get state() {
      return binding.state
    },
    get status() {
      return binding.state.status
    },
    get token() {
      return binding.state.token
    },
    get error() {
      return binding.state.error
    },
    get expiresAt() {
      return binding.state.expiresAt
    },
    execute: captcha.execute,
    getToken: captcha.getToken,
    consume: captcha.consume,
    reset: captcha.reset,
    attach,
    action: (element) => ({ destroy: attach(element) }),
  }
}
