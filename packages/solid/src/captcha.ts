import { createComponent, createEffect, mergeProps, on, splitProps, type JSX } from 'solid-js'
import { Dynamic, isServer } from 'solid-js/web'
import type {
  Captcha as Controller,
  CaptchaError,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import { createCaptchaBinding } from './captcha-binding'

/** What `ref` on `<Captcha>` gives. */
export type CaptchaHandle = Pick<
  Controller,
  'execute' | 'getToken' | 'consume' | 'reset' | 'getState'
>

export type CaptchaProps = UseCaptchaOptions & {
  onVerify?: (token: string) => void
  onExpire?: () => void
  onError?: (error: CaptchaError) => void
  onStatusChange?: (status: CaptchaStatus) => void
  /** `ref={handle => …}` or `let handle; … ref={handle}`. */
  ref?: CaptchaHandle | ((handle: CaptchaHandle) => void)
  class?: string
  style?: JSX.CSSProperties | string
}

const HANDLER_PROPS = ['onVerify', 'onExpire', 'onError', 'onStatusChange', 'ref'] as const
// Passed to the element only when given, so the server renders no empty attribute.
const ELEMENT_PROPS = ['class', 'style'] as const

/**
 * The widget as a component. Every option is a reactive prop; handlers are read when the
 * event fires, so a new function never re-creates the widget. `ref` gives
 * `{ execute, getToken, consume, reset, getState }`.
 */
export function Captcha(props: CaptchaProps): JSX.Element {
  const [own, element, options] = splitProps(props, HANDLER_PROPS, ELEMENT_PROPS)
  const { captcha, state, ref } = createCaptchaBinding(() => options as UseCaptchaOptions)

  if (!isServer) {
    // The controller lives exactly as long as this component's owner, and these listeners with it.
    captcha.on('verify', (token) => own.onVerify?.(token))
    captcha.on('expire', () => own.onExpire?.())
    captcha.on('error', (error) => own.onError?.(error))
    createEffect(
      on(
        () => state().status,
        (status, previous = 'idle') => {
          if (status !== previous) own.onStatusChange?.(status)
        },
      ),
    )
  }

  const handle: CaptchaHandle = {
    execute: captcha.execute,
    getToken: captcha.getToken,
    consume: captcha.consume,
    reset: captcha.reset,
    getState: captcha.getState,
  }
  ;(own.ref as ((handle: CaptchaHandle) => void) | undefined)?.(handle)

  return createComponent(
    Dynamic,
    mergeProps({ component: 'div', ref, 'data-passline-captcha': '' }, element),
  )
}
