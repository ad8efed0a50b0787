/**
 * `'auto'` as the provider's light or dark, for providers that have no `auto` theme (hCaptcha,
 * reCAPTCHA). A module of its own, so that a Turnstile page does not carry it.
 */
export function explicitTheme(theme: string | undefined): 'light' | 'dark' {
  if (theme === 'light' || theme === 'dark') return theme
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}
