import { CaptchaError } from '../errors'
import type { ProviderFactory } from '../provider'
import type { ProviderName } from '../types'
import { createCaptchalaDriver } from './captchala'

const factories: Partial<Record<ProviderName, ProviderFactory>> = {
  captchala: createCaptchalaDriver,
}

/** The driver factory for a provider name; unknown names are an `invalid-options` error. */
export function providerFactory(name: ProviderName): ProviderFactory {
  const factory = factories[name]
  if (!factory) throw new CaptchaError('invalid-options', { providerCode: 'provider' })
  return factory
}
