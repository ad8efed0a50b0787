/**
 * Metrics through `@opentelemetry/api` only, an optional peer: no-ops until the app registers
 * an SDK, and nothing at all when the package is not installed (or on a runtime that cannot
 * load it). Names and attributes are documented in the README.
 */

/** The part of an OpenTelemetry `Meter` used here; pass one as `meter` to bypass the global. */
export interface MeterLike {
  createCounter(
    name: string,
    options?: { description?: string; unit?: string },
  ): { add(value: number, attributes?: Record<string, string>): void }
  createHistogram(
    name: string,
    options?: {
      description?: string
      unit?: string
      advice?: { explicitBucketBoundaries?: number[] }
    },
  ): { record(value: number, attributes?: Record<string, string>): void }
}

interface MeterProviderLike {
  getMeter(name: string, version?: string): MeterLike
}

/** `false`: no metrics; a `MeterLike`: that meter; unset: the global meter provider. */
export type MetricsOption = MeterLike | false | undefined

export interface Instruments {
  validations: ReturnType<MeterLike['createCounter']>
  duration: ReturnType<MeterLike['createHistogram']>
  decisions: ReturnType<MeterLike['createCounter']>
}

// OpenTelemetry's recommended boundaries for request durations in seconds.
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]

function createInstruments(meter: MeterLike): Instruments {
  return {
    validations: meter.createCounter('passline.validations', {
      description: 'CAPTCHA token verifications, by provider, result and error.type',
    }),
    duration: meter.createHistogram('passline.validation.duration', {
      description: 'Time to verify a CAPTCHA token, provider call included',
      unit: 's',
      advice: { explicitBucketBoundaries: SECONDS },
    }),
    decisions: meter.createCounter('passline.policy.decisions', {
      description: 'Escalation policy decisions before verifying, by decision and reason',
    }),
  }
}

let globalApi: Promise<{ getMeterProvider(): MeterProviderLike } | null> | undefined
let fromGlobal: { provider: MeterProviderLike; instruments: Instruments } | undefined
const fromMeter = new WeakMap<MeterLike, Instruments>()

/**
 * The metrics API, imported once on first use. The specifier is a variable so that bundlers
 * (and edge runtimes) do not require the optional package to exist; a failed import means no
 * metrics, never an error.
 */
function loadGlobalApi() {
  const name = '@opentelemetry/api'
  globalApi ??= import(/* webpackIgnore: true */ /* @vite-ignore */ name).then(
    (module: { metrics?: unknown; default?: { metrics?: unknown } }) =>
      (module.metrics ?? module.default?.metrics ?? null) as {
        getMeterProvider(): MeterProviderLike
      } | null,
    () => null,
  )
  return globalApi
}

/** The instruments to record on, or null for none. Never throws. */
export async function instruments(option: MetricsOption): Promise<Instruments | null> {
  try {
    if (option === false) return null
    if (option) {
      let made = fromMeter.get(option)
      if (!made) fromMeter.set(option, (made = createInstruments(option)))
      return made
    }
    const api = await loadGlobalApi()
    if (!api) return null
    // The metrics API has no proxy provider: meters made before the SDK was registered stay
    // no-ops, so follow the global provider when it changes.
    const provider = api.getMeterProvider()
    if (fromGlobal?.provider !== provider) {
      fromGlobal = {
        provider,
        instruments: createInstruments(provider.getMeter('@passline/server')),
      }
    }
    return fromGlobal.instruments
  } catch {
    return null
  }
}
