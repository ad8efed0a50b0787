import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import {
  captchaOptionsChanged,
  createCaptcha,
  IDLE_STATE,
  mergeCaptchaOptions,
  withLatestCallbacks,
  type Captcha,
  type CaptchaOptions,
  type UseCaptchaOptions,
} from '@passline/core'
import { useCaptchaDefaults } from './config-context'
import { useLatestRef } from './use-latest-ref'

const getServerState = () => IDLE_STATE

/**
 * One controller per component, its state bound with useSyncExternalStore, options pushed
 * through `update()`, and a callback ref that mounts the widget into the element it gets.
 */
export function useCaptchaController(options: UseCaptchaOptions) {
  const merged = mergeCaptchaOptions(useCaptchaDefaults(), options)
  const latest = useLatestRef(merged)
  const withStableCallbacks = (next: CaptchaOptions) =>
    withLatestCallbacks(next, () => latest.current)

  const [captcha] = useState<Captcha>(() => createCaptcha(withStableCallbacks(merged)))
  const applied = useRef(merged)

  useEffect(() => {
    if (!captchaOptionsChanged(applied.current, merged)) return
    applied.current = merged
    captcha.update(withStableCallbacks(merged))
  })

  // A detach followed at once by a re-attach of the same element (StrictMode, a ref merged
  // inline by the caller) keeps the widget: the unmount waits a microtask for that.
  const mounted = useRef<{ element: HTMLElement; unmount: () => void; detached: boolean } | null>(
    null,
  )
  const ref = useCallback(
    (element: HTMLElement | null) => {
      const current = mounted.current
      if (element && current?.element === element) {
        current.detached = false
      } else if (element) {
        current?.unmount()
        mounted.current = { element, unmount: captcha.mount(element), detached: false }
      } else if (current) {
        current.detached = true
        queueMicrotask(() => {
          if (!current.detached || mounted.current !== current) return
          mounted.current = null
          current.unmount()
        })
      }
    },
    [captcha],
  )

  // StrictMode runs this effect's cleanup and the effect again at once: the destroy waits a
  // microtask, so a remount in between keeps the same controller, its widget and its token.
  const pendingDestroy = useRef(false)
  useEffect(() => {
    pendingDestroy.current = false
    return () => {
      pendingDestroy.current = true
      queueMicrotask(() => {
        if (!pendingDestroy.current) return
        // Unmounted first, so pending calls settle with `aborted` whichever the renderer ran
        // first, the ref's detach (React) or this cleanup (Preact).
        mounted.current?.unmount()
        mounted.current = null
        captcha.destroy()
      })
    }
  }, [captcha])

  const state = useSyncExternalStore(captcha.subscribe, captcha.getState, getServerState)
  return { captcha, state, ref }
}
