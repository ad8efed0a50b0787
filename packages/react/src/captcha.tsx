import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useRef,
  type CSSProperties,
  type ReactNode,
} from 'react'
import type {
  Captcha as Controller,
  CaptchaError,
  CaptchaFailure,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import { useCaptchaDefaults } from './config-context'
import { useCaptchaController } from './use-captcha-controller'
import { useFailure } from './use-failure'
import { useLatestRef } from './use-latest-ref'

export type CaptchaHandle = Pick<
  Controller,
  'execute' | 'getToken' | 'consume' | 'reset' | 'getState'
>

/** What `children` gets while the widget has failed: the words to show and a way to retry now. */
export interface CaptchaFailureProps extends CaptchaFailure {
  /** Tries again at once (the widget also tries again by itself). */
  retry: () => void
}

export type CaptchaProps = UseCaptchaOptions & {
  /**
   * What shows in place of a failed widget, inside the component's live region. Default: the
   * failure's `message` and a button labelled `retryLabel` that calls `retry`.
   */
  children?: (failure: CaptchaFailureProps) => ReactNode
  onVerify?: (token: string) => void
  onExpire?: () => void
  onError?: (error: CaptchaError) => void
  onStatusChange?: (status: CaptchaStatus) => void
  className?: string
  style?: CSSProperties
}

/**
 * The widget as a component. Callbacks may be inline functions: a new one never re-renders
 * or re-creates the widget. `ref` gives `{ execute, getToken, consume, reset, getState }`.
 * While no widget can be shown (its load or the widget failed) it says so in words, with a
 * button to retry, in a live region; `children` replaces those words.
 */
export const Captcha = /* @__PURE__ */ forwardRef<CaptchaHandle, CaptchaProps>(
  function Captcha(props, handle) {
    const { onVerify, onExpire, onError, onStatusChange, className, style, children, ...options } =
      props
    const { captcha, state, ref } = useCaptchaController(options)
    const defaults = useCaptchaDefaults()
    const failure = useFailure(state, options.language ?? defaults.language)
    const callbacks = useLatestRef({ onVerify, onExpire, onError, onStatusChange })

    // The last status reported, kept across StrictMode's effect re-run so none is told twice.
    const reportedStatus = useRef<CaptchaStatus>('idle')
    useEffect(() => {
      const report = (status: CaptchaStatus) => {
        if (status === reportedStatus.current) return
        reportedStatus.current = status
        callbacks.current.onStatusChange?.(status)
      }
      // Mounting already moved to `loading` during the commit, before this effect subscribed.
      report(captcha.getState().status)
      const stops = [
        captcha.on('verify', (token) => callbacks.current.onVerify?.(token)),
        captcha.on('expire', () => callbacks.current.onExpire?.()),
        captcha.on('error', (error) => callbacks.current.onError?.(error)),
        captcha.subscribe((state) => report(state.status)),
      ]
      return () => stops.forEach((stop) => stop())
    }, [captcha, callbacks])

    useImperativeHandle(
      handle,
      () => ({
        execute: captcha.execute,
        getToken: captcha.getToken,
        consume: captcha.consume,
        reset: captcha.reset,
        getState: captcha.getState,
      }),
      [captcha],
    )

    return (
      <div className={className} style={style} data-passline-captcha="">
        <div ref={ref} />
        <div role="status">
          {failure &&
            (children ? (
              children({ ...failure, retry: captcha.reset })
            ) : (
              <>
                {failure.message}{' '}
                <button type="button" onClick={captcha.reset}>
                  {failure.retryLabel}
                </button>
              </>
            ))}
        </div>
      </div>
    )
  },
)
