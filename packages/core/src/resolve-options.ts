import { CaptchaError } from './errors'
import type { Providers } from './provider'
import type { CaptchaOptions } from './types'

/** Rejects what would otherwise fail late and obscurely; fills in the defaults that the controller reads. */
export function resolveOptions(input: CaptchaOptions, providers: Providers): CaptchaOptions {
  const provider = input?.provider ?? 'captchala'
  const invalid = !input?.siteKey?.trim?.() ? 'siteKey' : !providers(provider) && 'provider'
  if (invalid) throw new CaptchaError('invalid-options', { providerCode: invalid })
  return { ...input, provider, refresh: input.refresh ?? 'auto' } as CaptchaOptions
}
