import type { CaptchaErrorCode, CaptchaErrorDetails } from './errors'
import type { loadSdk, loadStep, loadTries } from './load-script'
import type { CaptchaOptions, ProviderName } from './types'

// The contract between the controller and its adapters. Its fields end in `_`: the build
// shortens such names (mangleProps in tsup.config.ts), since nothing outside the package can
// supply or call an adapter; so these types describe the source, not the built objects.

/** What a rendered widget tells the controller. */
export interface WidgetEvents {
  ready_(): void
  /** A pass token; `ttlMs` when the provider says how long it lives. */
  token_(token: string, ttlMs?: number): void
  /** A failure, as the `CaptchaError` the controller makes of it (no adapter carries the class). */
  error_(code: CaptchaErrorCode, details?: CaptchaErrorDetails): void
  /** The user closed the challenge without solving it. */
  close_(): void
  /** The provider says the token it handed out has expired. */
  expire_(): void
  /** Asks for a new widget (e.g. with a re-issued server token); a pending challenge carries over. */
  rerender_(): void
}

/** One rendered widget, whatever the provider. */
export interface Widget {
  /** Start (or show) the challenge. Called only after the widget reported `ready`. */
  execute_(): void
  reset_(): void
  /** Applies changed options in place; `false` asks the controller to render anew. */
  update_(next: CaptchaOptions, previous: CaptchaOptions): boolean
  /** Removes the widget; after it, the widget reports no more events. */
  destroy_(): void
}

/** A provider bound to one controller's options; made again when `provider` or `siteKey` changes. */
export interface ProviderDriver {
  /** The provider's documented token lifetime, used when it does not say per token. */
  readonly tokenTtlMs_: number
  /** Loads the provider's script and resolves once its API is usable. Rejects with a CaptchaError. */
  load_(): Promise<void>
  render_(container: HTMLElement, events: WidgetEvents): Widget
}

/**
 * The engine's load steps, lent to every adapter rather than imported: an adapter's chunk then
 * imports nothing from the engine, so a page has no chunk shared by both, nor the import and
 * export lists that would name what crosses between them. A tuple, so that a minifier leaves
 * no property names behind.
 */
export type Loaders = readonly [
  loadSdk: typeof loadSdk,
  loadTries: typeof loadTries,
  loadStep: typeof loadStep,
]

/** `getOptions` always returns the controller's current options. */
export type ProviderFactory = (getOptions: () => CaptchaOptions, loaders: Loaders) => ProviderDriver

/**
 * What a controller knows of providers: for a name, how to get its driver factory (bounded by
 * the load timeout), or `undefined` for a provider it does not know.
 */
export type Providers = (
  name: ProviderName,
) => ((loadTimeoutMs: number | undefined) => Promise<ProviderFactory>) | undefined
