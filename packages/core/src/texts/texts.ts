/** What the components say on a page, in one language. */
export interface CaptchaTexts {
  /** The widget's script or SDK could not be loaded (`script-load-failed`, `script-timeout`). */
  readonly load: string
  /** The widget failed in any other way (`ready-timeout`, `provider-error`, `server-token-failed`). */
  readonly broken: string
  /** The label of the button that tries again at once. */
  readonly retry: string
  /** A required form control without a token (the custom element's `valueMissing`). */
  readonly required: string
}

/** Built in; every other language is one lazily loaded chunk (`loadCaptchaTexts`). */
export const ENGLISH_TEXTS: CaptchaTexts = {
  load: 'The security check could not load.',
  broken: 'The security check stopped working.',
  retry: 'Try again',
  required: 'Complete the security check.',
}

/** The languages the components speak: the emulator's, and the widgets' most common. */
export type TextLanguage = 'en' | 'zh-CN' | 'zh-TW' | 'ja' | 'ko' | 'es' | 'fr' | 'de'

let translations: Partial<Record<TextLanguage, CaptchaTexts>> | undefined

/**
 * The language a `language` option speaks here: `'auto'` (or none) follows the browser, as the
 * widgets do; Traditional Chinese for `zh-TW`/`zh-HK`/`zh-MO`/`zh-Hant`, Simplified for other
 * `zh`; otherwise the primary subtag, and English for anything not listed.
 */
export function textLanguage(language?: string): TextLanguage {
  const tag = (
    !language || language === 'auto'
      ? typeof navigator === 'undefined'
        ? ''
        : navigator.language
      : language
  ).toLowerCase()
  const primary = tag.split('-')[0]!
  if (primary === 'zh') return /-(tw|hk|mo|hant)/.test(tag) ? 'zh-TW' : 'zh-CN'
  return (['ja', 'ko', 'es', 'fr', 'de'] as const).find((code) => code === primary) ?? 'en'
}

/** The texts in `language`: English until that language's table has loaded (`loadCaptchaTexts`). */
export function captchaTexts(language?: string): CaptchaTexts {
  return translations?.[textLanguage(language)] ?? ENGLISH_TEXTS
}

/**
 * Loads the table `language` needs (nothing for English) and resolves once `captchaTexts` has
 * it; never rejects (English stands in). Call it on mount: a failure message is most needed
 * when the network is failing.
 */
export async function loadCaptchaTexts(language?: string): Promise<void> {
  if (translations || textLanguage(language) === 'en') return
  try {
    translations = (await import('./translations')).TRANSLATIONS
  } catch {
    // Unreachable chunk (offline): English until a later call loads it.
  }
}
