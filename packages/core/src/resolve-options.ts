import { CaptchaError } from './errors'
import type { CaptchaOptions } from './types'

/** Checks what would otherwise fail late and obscurely; fills in the default provider. */
export function resolveOptions(input: CaptchaOptions): CaptchaOptions {
  if (!input || typeof input.siteKey !== 'string' || !input.siteKey.trim()) {
    throw new CaptchaError('invalid-options', { providerCode: 'siteKey' })
  }
  for (const key of ['refreshMarginMs', 'tokenTtlMs', 'loadTimeoutMs'] as const) {
    const value = input[key]
    if (value !== undefined && !(typeof value === 'number' && value >= 0)) {
      throw new CaptchaError('invalid-options', { providerCode: key })
    }
  }
  return { ...input, provider: input.provider ?? 'captchala' } as CaptchaOptions
}
