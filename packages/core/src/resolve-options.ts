import { CaptchaError } from './errors'
import { providerFactory } from './providers/registry'
import type { CaptchaOptions } from './types'

/** Rejects what would otherwise fail late and obscurely; fills in the defaults that the controller reads. */
export function resolveOptions(input: CaptchaOptions): CaptchaOptions {
  if (!input?.siteKey?.trim?.())
    throw new CaptchaError('invalid-options', { providerCode: 'siteKey' })
  const provider = input.provider ?? 'captchala'
  providerFactory(provider)
  return { ...input, provider, refresh: input.refresh ?? 'auto' } as CaptchaOptions
}
