import { abortable } from '../abortable'
import { CaptchaError, isCaptchaError } from '../errors'
import type { ProviderDriver, ProviderFactory } from '../provider'
import type { ProviderName } from '../types'
import { createCaptchalaDriver } from './captchala'

type AdapterModule = { createDriver: ProviderFactory }

// CaptchaLa ships in the main chunk; every other adapter is its own chunk, fetched on first use,
// so a page pays only for the provider it renders.
const factories: Record<ProviderName, ProviderFactory> = {
  captchala: createCaptchalaDriver,
  turnstile: lazy(() => import('./turnstile')),
  hcaptcha: lazy(() => import('./hcaptcha')),
  recaptcha: lazy(() => import('./recaptcha')),
}

/** A driver whose adapter module is imported by its first `load()`. */
function lazy(importAdapter: () => Promise<AdapterModule>): ProviderFactory {
  return (getOptions) => {
    let driver: ProviderDriver | undefined
    return {
      get tokenTtlMs() {
        return driver!.tokenTtlMs
      },
      async load() {
        if (!driver) {
          // A chunk request that hangs is bounded like any other load step.
          const timeoutMs = getOptions().loadTimeoutMs ?? 10_000
          const adapter = await abortable(importAdapter, { timeoutMs }, 'script-timeout').catch(
            (cause: unknown) => {
              throw isCaptchaError(cause)
                ? cause
                : new CaptchaError('script-load-failed', { cause })
            },
          )
          driver = adapter.createDriver(getOptions)
        }
        return driver.load()
      },
      render: (container, events) => driver!.render(container, events),
    }
  }
}

/** The driver factory for a provider name; unknown names are an `invalid-options` error. */
export function providerFactory(name: ProviderName): ProviderFactory {
  if (!Object.hasOwn(factories, name))
    throw new CaptchaError('invalid-options', { providerCode: 'provider' })
  return factories[name]
}
