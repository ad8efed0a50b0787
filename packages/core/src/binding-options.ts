import type { CaptchalaOptions, CaptchaOptions } from './types'

/** App-wide defaults a binding provides: typically `provider`, `siteKey`, `scriptUrl`, `nonce`. */
export type CaptchaDefaults = Partial<CaptchaOptions>

/** Options as a component passes them to a binding: `siteKey` may come from app-wide defaults. */
export type UseCaptchaOptions = CaptchaOptions extends infer O
  ? O extends CaptchaOptions
    ? Omit<O, 'siteKey'> & { siteKey?: string }
    : never
  : never

/**
 * For bindings: defaults below own options; an option left `undefined` does not hide its default.
 */
export function mergeCaptchaOptions(
  defaults: CaptchaDefaults,
  own: UseCaptchaOptions,
): CaptchaOptions {
  const merged: Record<string, unknown> = { ...defaults }
  const given = own as Record<string, unknown>
  // Plain option objects: `for...in` sees their own keys.
  for (const key in given) if (given[key] !== undefined) merged[key] = given[key]
  return merged as unknown as CaptchaOptions
}

/**
 * For bindings: whether two option sets differ in anything the controller should hear about. Functions are
 * skipped: they are called through the latest options. A fresh but equal `retry` object does
 * count; the controller takes it as a no-op.
 */
export function captchaOptionsChanged(a: CaptchaOptions, b: CaptchaOptions): boolean {
  const left = a as unknown as Record<string, unknown>
  const right = b as unknown as Record<string, unknown>
  return [...Object.keys(left), ...Object.keys(right)].some(
    (key) => left[key] !== right[key] && typeof left[key] !== 'function',
  )
}

/**
 * For bindings: `options` with its `getServerToken` called through `latest()`, so a component
 * may pass a new function on every render without it counting as a change, and the controller
 * still calls the newest one.
 */
export function withLatestCallbacks(
  options: CaptchaOptions,
  latest: () => CaptchaOptions,
): CaptchaOptions {
  if (!(options as CaptchalaOptions).getServerToken) return options
  return {
    ...options,
    getServerToken: () => (latest() as CaptchalaOptions).getServerToken!(),
  } as CaptchaOptions
}
