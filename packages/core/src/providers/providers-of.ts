import { loadStep } from '../load-script'
import type { ProviderFactory, Providers } from '../provider'
import type { ProviderName } from '../types'

export interface AdapterModule {
  createDriver: ProviderFactory
}

/**
 * The providers a controller knows, each with how to get its adapter module: a chunk fetched on
 * first use, or a module already at hand. Getting it is a load step like any other: bounded by
 * the load timeout, and a failure is not kept, so the next attempt asks again.
 */
export const providersOf =
  (adapters: Partial<Record<ProviderName, () => Promise<AdapterModule>>>): Providers =>
  (name) =>
    Object.hasOwn(adapters, name)
      ? (timeoutMs) =>
          loadStep(adapters[name]!(), timeoutMs).then((adapter) => adapter.createDriver)
      : undefined
