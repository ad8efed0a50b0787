import { createEffect, createMemo, createSignal, on } from 'solid-js'
import { isServer } from 'solid-js/web'
import { describeFailure, loadCaptchaTexts, type CaptchaState } from '@passline/core'

/**
 * The failure to show in place of the widget, in the component's language. The language's
 * texts load in the browser (a failure is likeliest when the network fails) and again when a
 * failure shows if they did not arrive; the failure is worked out again when they do.
 */
export function createFailure(state: () => CaptchaState, language: () => string | undefined) {
  const [arrivals, setArrivals] = createSignal(0)
  const failure = createMemo(() => (arrivals(), describeFailure(state(), language())))
  if (!isServer) {
    createEffect(
      on([language, () => !!failure()], ([current]) => {
        void loadCaptchaTexts(current).then((arrived) => arrived && setArrivals((n) => n + 1))
      }),
    )
  }
  return failure
}
