import { forwardRef, useEffect, useImperativeHandle, useRef, type CSSProperties } from 'react'
import type {
  Captcha as Controller,
  CaptchaError,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import { useCaptchaController } from './use-captcha-controller'
import { useLatestRef } from './use-latest-ref'

export type CaptchaHandle = Pick<
  Controller,
  'execute' | 'getToken' | 'consume' | 'reset' | 'getState'
>

export type CaptchaProps = UseCaptchaOptions & {
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
 */
export const Captcha = /* @__PURE__ */ forwardRef<CaptchaHandle, CaptchaProps>(
  function Captcha(props, handle) {
    const { onVerify, onExpire, onError, onStatusChange, className, style, ...options } = props
    const { captcha, ref } = useCaptchaController(options)
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

    return <div ref={ref} className={className} style={style} data-passline-captcha="" />
  },
)
