import { useEffect, useReducer } from 'react'
import { describeFailure, loadCaptchaTexts, type CaptchaState } from '@passline/core'

/**
 * The failure to show in place of the widget, in `language`. The language's texts load on
 * mount (a failure is likeliest when the network fails) and again when a failure shows if
 * they did not arrive; the component renders again when they do.
 */
export function useFailure(state: CaptchaState, language: string | undefined) {
  const failure = describeFailure(state, language)
  const failed = !!failure
  const [, textsArrived] = useReducer((count: number) => count + 1, 0)
  useEffect(() => {
    let live = true
    void loadCaptchaTexts(language).then((arrived) => live && arrived && textsArrived())
    return () => {
      live = false
    }
  }, [language, failed])
  return failure
}
