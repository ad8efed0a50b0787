/** A setup mistake, thrown at construction: never a validation outcome. */
export class CaptchaConfigError extends Error {
  override readonly name = 'CaptchaConfigError'
  constructor(
    readonly code:
      | 'missing-app-key'
      | 'missing-app-secret'
      | 'missing-secret'
      | 'secret-in-browser'
      | 'policy-without-keys'
      | 'invalid-option'
      | 'unsupported-runtime',
    message: string,
  ) {
    super(message)
  }
}

/**
 * Refuses to hold a secret where a page could read it: a bundler that put this in a browser
 * build is a bug to stop at once, not something to run with.
 */
export function assertServerSide(what: string): void {
  if (typeof document !== 'undefined') {
    throw new CaptchaConfigError(
      'secret-in-browser',
      `${what} holds a secret and must only run on a server; it was loaded in a browser`,
    )
  }
}
