/**
 * A language for providers that take a tag: `undefined` for `'auto'` lets them follow the
 * browser. A module of its own, so that the explicit-render chunk (Turnstile, hCaptcha,
 * reCAPTCHA) is not split in two by the providers that need this alone.
 */
export function explicitLanguage(language: string | undefined): string | undefined {
  return language && language !== 'auto' ? language : undefined
}
