import { onCleanup, type Accessor } from 'solid-js'
import type {
  Captcha as Controller,
  CaptchaError,
  CaptchaFailure,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import { createCaptchaBinding } from './captcha-binding'
import { createFailure } from './create-failure'
import { type CaptchaStyle, type SolidElement } from './solid-major'

// `<Dynamic>` and `<Show>` are not imported, on purpose: they are built-ins of Solid's compiler,
// which imports them from its own major's DOM runtime (`solid-js/web` on Solid 1, `@solidjs/web`
// on Solid 2). Declared for TypeScript in compiler-built-ins.d.ts.

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
  children?: (failure: Accessor<CaptchaFailureProps>) => SolidElement
  onVerify?: (token: string) => void
  onExpire?: () => void
  onError?: (error: CaptchaError) => void
  onStatusChange?: (status: CaptchaStatus) => void
  /** `ref={handle => …}` or `let handle; … ref={handle}`. */
  ref?: CaptchaHandle | ((handle: CaptchaHandle) => void)
  class?: string
  style?: CaptchaStyle
}

/** `class` and `style` when set: unset, the server would render an empty attribute. */
const elementProps = ({ class: className, style }: CaptchaProps) => ({
  ...(className != null && { class: className }),
  ...(style != null && { style }),
})

/** The options among the props, each read (and so tracked) here. */
function optionsOf(props: CaptchaProps): UseCaptchaOptions {
  // What is left once the handlers, `ref`, `children` and the element's props are taken out.
  const {
    onVerify: _onVerify,
    onExpire: _onExpire,
    onError: _onError,
    onStatusChange: _onStatusChange,
    ref: _ref,
    children: _children,
    class: _class,
    style: _style,
    ...options
  } = props
  return options
}

/**
 * The widget as a component. Every option is a reactive prop; handlers are read when the
 * event fires, so a new function never re-creates the widget. `ref` gives
 * `{ execute, getToken, consume, reset, getState }`. While no widget can be shown (its load or
 * the widget failed) it says so in words, with a button to retry, in a live region; `children`
 * replaces those words.
 */
export function Captcha(props: CaptchaProps): SolidElement {
  const { captcha, state, options, ref } = createCaptchaBinding(() => optionsOf(props))
  const failure = createFailure(state, () => options().language)
  const retry = captcha.reset

  // The controller lives exactly as long as this component's owner, and these listeners with it.
  captcha.on('verify', (token) => props.onVerify?.(token))
  captcha.on('expire', () => props.onExpire?.())
  captcha.on('error', (error) => props.onError?.(error))
  // From the controller's events, not an effect: a handler hears each status as it comes, also
  // on Solid 2, whose effects run after the next flush. Ended before the controller's destroy.
  let previous: CaptchaStatus = 'idle'
  onCleanup(
    captcha.subscribe(({ status }) => {
      if (status !== previous) props.onStatusChange?.((previous = status))
    }),
  )

  const handle: CaptchaHandle = {
    execute: captcha.execute,
    getToken: captcha.getToken,
    consume: captcha.consume,
    reset: captcha.reset,
    getState: captcha.getState,
  }
  ;(props.ref as ((handle: CaptchaHandle) => void) | undefined)?.(handle)

  const words = (shown: Accessor<CaptchaFailureProps>): SolidElement =>
    props.children ? (
      props.children(shown)
    ) : (
      <>
        {/* A function child: Solid keeps it current when the language's texts arrive. */}
        {(() => `${shown().message} `) as unknown as SolidElement}
        <Dynamic component="button" type="button" onClick={retry}>
          {shown().retryLabel}
        </Dynamic>
      </>
    )
  return (
    <Dynamic component="div" data-passline-captcha="" {...elementProps(props)}>
      <Dynamic component="div" ref={ref} />
      <Dynamic component="div" role="status">
        <Show when={failure()}>{(shown) => words(() => ({ ...shown(), retry }))}</Show>
      </Dynamic>
    </Dynamic>
  )
}
