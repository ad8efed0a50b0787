import type { CaptchaErrorCode, CaptchaErrorDetails } from './errors'
import type { loadSdk, loadStep, loadTries } from './load-script'
import type { CaptchaOptions, ProviderName } from './types'

/** What a rendered widget tells the controller. */
export interface WidgetEvents {
  ready(): void
  /** A pass token; `ttlMs` when the provider says how long it lives. */
  token(token: string, ttlMs?: number): void
  /** A failure, as the `CaptchaError` the controller makes of it (no adapter carries the class). */
  error(code: CaptchaErrorCode, details?: CaptchaErrorDetails): void
  /** The user closed the challenge without solving it. */
  close(): void
  /** The provider says the token it handed out has expired. */
  expire(): void
  /** Asks for a new widget (e.g. with a re-issued server token); a pending challenge carries over. */
  rerender(): void
}

/** One rendered widget, whatever the provider. */
export interface Widget {
  /** Start (or show) the challenge. Called only after the widget reported `ready`. */
  execute(): void
  reset(): void
  /** Applies changed options in place; `false` asks the controller to render anew. */
  update(next: CaptchaOptions, previous: CaptchaOptions): boolean
  /** Removes the widget; after it, the widget reports no more events. */
  destroy(): void
}

/** A provider bound to one controller's options; made again when `provider` or `siteKey` changes. */
export interface ProviderDriver {
  /** The provider's documented token lifetime, used when it does not say per token. */
  readonly tokenTtlMs: number
  /** Loads the provider's script and resolves once its API is usable. Rejects with a CaptchaError. */
  load(): Promise<void>
  render(container: HTMLElement, events: WidgetEvents): Widget
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
