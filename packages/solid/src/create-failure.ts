import { createMemo, createSignal } from 'solid-js'
import { describeFailure, loadCaptchaTexts, type CaptchaState } from '@passline/core'
import { watch } from './solid-major'

/**
 * The failure to show in place of the widget, in the component's language. The language's
 * texts load in the browser (a failure is likeliest when the network fails) and again when a
 * failure shows if they did not arrive; the failure is worked out again when they do.
 */
export function createFailure(state: () => CaptchaState, language: () => string | undefined) {
  const [arrivals, setArrivals] = createSignal(0)
  const failure = createMemo(() => (arrivals(), describeFailure(state(), language())))
  watch(
    () => [language(), !!failure()] as const,
    ([current]) => {
      void loadCaptchaTexts(current).then((arrived) => arrived && setArrivals((n) => n + 1))
    },
  )
  return failure
}
