import {
  createComponent,
  createEffect,
  mergeProps,
  on,
  Show,
  splitProps,
  type Accessor,
  type JSX,
} from 'solid-js'
import { Dynamic, isServer } from 'solid-js/web'
import type {
  Captcha as Controller,
  CaptchaError,
  CaptchaFailure,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import { createCaptchaBinding } from './captcha-binding'
import { createFailure } from './create-failure'

/** What `ref` on `<Captcha>` gives. */
export type CaptchaHandle = Pick<
  Controller,
  'execute' | 'getToken' | 'consume' | 'reset' | 'getState'
>

/** What `children` gets while the widget has failed: the words, and a way to retry now. */
export interface CaptchaFailureProps extends CaptchaFailure {
  /** Tries again at once (the widget also tries again by itself). */
  retry: () => void
}

export type CaptchaProps = UseCaptchaOptions & {
  /**
   * What shows in place of a failed widget, inside the component's live region. Default: the
   * failure's `message` and a button labelled `retryLabel` that calls `retry`.
   */
  children?: (failure: Accessor<CaptchaFailureProps>) => JSX.Element
  onVerify?: (token: string) => void
  onExpire?: () => void
  onError?: (error: CaptchaError) => void
  onStatusChange?: (status: CaptchaStatus) => void
  /** `ref={handle => …}` or `let handle; … ref={handle}`. */
  ref?: CaptchaHandle | ((handle: CaptchaHandle) => void)
  class?: string
  style?: JSX.CSSProperties | string
}

// <Show> without `keyed`: its children get an accessor and stay mounted while the failure
// changes (a focused Retry button keeps its focus). Typed here: TypeScript cannot pick that
// overload for a call that is not JSX.
const ShowFailure = Show as (props: {
  when: CaptchaFailure | null
  children: (shown: Accessor<CaptchaFailure>) => JSX.Element
}) => JSX.Element

const HANDLER_PROPS = [
  'onVerify',
  'onExpire',
  'onError',
  'onStatusChange',
  'ref',
  'children',
] as const
// Passed to the element only when given, so the server renders no empty attribute.
const ELEMENT_PROPS = ['class', 'style'] as const

/**
 * The widget as a component. Every option is a reactive prop; handlers are read when the
 * event fires, so a new function never re-creates the widget. `ref` gives
 * `{ execute, getToken, consume, reset, getState }`. While no widget can be shown (its load or
 * the widget failed) it says so in words, with a button to retry, in a live region; `children`
 * replaces those words.
 */
export function Captcha(props: CaptchaProps): JSX.Element {
  const [own, element, options] = splitProps(props, HANDLER_PROPS, ELEMENT_PROPS)
  const { captcha, state, language, ref } = createCaptchaBinding(() => options as UseCaptchaOptions)
  const failure = createFailure(state, language)
  const retry = captcha.reset

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

  const words = (shown: Accessor<CaptchaFailureProps>): JSX.Element =>
    own.children
      ? own.children(shown)
      : [
          // A function child: Solid keeps it current when the language's texts arrive.
          (() => `${shown().message} `) as unknown as JSX.Element,
          createComponent(Dynamic, {
            component: 'button',
            type: 'button',
            onClick: retry,
            get children() {
              return shown().retryLabel
            },
          }),
        ]
  return createComponent(
    Dynamic,
    mergeProps({ component: 'div', 'data-passline-captcha': '' }, element, {
      get children() {
        return [
          createComponent(Dynamic, { component: 'div', ref }),
          createComponent(Dynamic, {
            component: 'div',
            role: 'status',
            get children() {
              return createComponent(ShowFailure, {
                get when() {
                  return failure()
                },
                children: (shown: Accessor<CaptchaFailure>) => words(() => ({ ...shown(), retry })),
              })
            },
          }),
        ]
      },
    }),
  )
}
