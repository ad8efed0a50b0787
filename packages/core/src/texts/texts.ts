/** What the components say on a page, in one language. */
export interface CaptchaTexts {
  /** No working widget could be shown (its script, its SDK or the widget itself failed). */
  readonly failed: string
  /** The label of the button that tries again at once. */
  readonly retry: string
  /** A required form control without a token (the custom element's `valueMissing`). */
  readonly required: string
}

/** Built in; every other language is one lazily loaded chunk (`loadCaptchaTexts`). */
export const ENGLISH_TEXTS: CaptchaTexts = {
  failed: 'The security check could not load.',
  retry: 'Try again',
  required: 'Complete the security check.',
}

// Loaded texts by language tag, as the option (or the browser) spells it.
const loaded: Record<string, CaptchaTexts> = {}

/** `'auto'` (or no language) follows the browser, as the widgets do. */
const tagOf = (language?: string) =>
  !language || language === 'auto' ? navigator.language : language

/** The texts in `language`: English until that language's table has loaded (`loadCaptchaTexts`). */
export const captchaTexts = (language?: string): CaptchaTexts =>
  loaded[tagOf(language)] ?? ENGLISH_TEXTS

/**
 * Loads the table `language` needs (nothing for English). Resolves with true when it arrived
 * just now, so a component shows the new texts (`captchaTexts`); never rejects (English stands
 * in meanwhile). Components call it on mount: a failure message is most needed when the
 * network is failing, and again when a failure shows.
 */
export async function loadCaptchaTexts(language?: string): Promise<boolean> {
  const tag = tagOf(language)
  if (loaded[tag] || /^en\b/i.test(tag)) return false
  try {
    loaded[tag] = (await import('./translations')).textsFor(tag) ?? ENGLISH_TEXTS
    return true
  } catch {
    // Unreachable chunk (offline): English until a later call loads it.
    return false
  }
}
