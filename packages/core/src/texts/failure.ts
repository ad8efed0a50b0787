import { widgetSurvives, type CaptchaError } from '../errors'
import type { CaptchaState } from '../types'
import { captchaTexts } from './texts'

/** What a component shows where a failed widget would be. */
export interface CaptchaFailure {
  readonly error: CaptchaError
  /** One sentence for a person, in the component's language. */
  readonly message: string
  /** The label of the button that tries again at once (`reset()`). */
  readonly retryLabel: string
}

/**
 * The failure to show in place of the widget, or null while there is none: an error after
 * which no working widget is on the page. After `challenge-failed` and `expired` the widget is
 * still there and says so itself. The controller tries again by itself meanwhile.
 */
export function describeFailure(state: CaptchaState, language?: string): CaptchaFailure | null {
  const { error } = state
  if (!error || widgetSurvives(error.code)) return null
  const texts = captchaTexts(language)
  return {
    error,
    message: texts.failed,
    retryLabel: texts.retry,
  }
}
