import type { Loaders, ProviderDriver, WidgetEvents } from '../provider'
import type { CaptchaOptions } from '../types'

/** The widget API Turnstile, hCaptcha and reCAPTCHA v2 share: `render` returns an id. */
export interface ExplicitRenderApi {
  render(container: HTMLElement, params: Record<string, unknown>): string | number
  reset(id?: string | number): void
  execute?(id?: string | number, options?: object): unknown
  remove?(id?: string | number): void
}

/** What one explicit-render provider maps, given the controller's current options. */
export interface ExplicitRenderSpec<O extends CaptchaOptions, A extends ExplicitRenderApi> {
  tokenTtlMs_: number
  load_(options: O, loaders: Loaders): Promise<A>
  /** Render parameters without callbacks; a change in them renders the widget anew. */
  params_(options: O): Record<string, unknown>
  /** What else a live widget cannot take in place (a language read from the script URL). */
  scriptKey_?(options: O): string
  /** Starts the challenge; without it, `execute()` leaves that to the widget or the user. */
  execute_?(api: A, id: string | number, options: O): void
  /** The provider's callbacks other than the token's and expiry's, mapped to widget events. */
  callbacks_(events: WidgetEvents): Record<string, (...args: never[]) => unknown>
}

/**
 * A driver for a provider rendered with `render(container, params)`. Each render gets an
 * element of its own inside the container, so a provider that cannot `remove` (reCAPTCHA)
 * still leaves nothing behind and a re-render never meets the previous widget's markup.
 */
export function createExplicitRenderDriver<O extends CaptchaOptions, A extends ExplicitRenderApi>(
  getOptions: () => CaptchaOptions,
  loaders: Loaders,
  spec: ExplicitRenderSpec<O, A>,
): ProviderDriver {
  const renderKey = (options: O) =>
    JSON.stringify(spec.params_(options)) + (spec.scriptKey_?.(options) ?? '')
  let api: A

  return {
    tokenTtlMs_: spec.tokenTtlMs_,

    async load_() {
      api = await spec.load_(getOptions() as O, loaders)
    },

    render_(container, events) {
      const options = getOptions() as O
      const sdk = api
      const host = container.appendChild(document.createElement('div'))
      let destroyed = false
      const params: Record<string, unknown> = {}
      for (const [name, value] of Object.entries<unknown>({
        ...spec.params_(options),
        ...spec.callbacks_(events),
        callback: (token: string) => events.token_(token),
        'expired-callback': () => events.expire_(),
      })) {
        if (value === undefined) continue
        // Nothing reaches the controller after destroy(), whatever the provider still calls.
        params[name] =
          typeof value === 'function'
            ? (...args: unknown[]) => (destroyed ? undefined : value(...args))
            : value
      }
      const id = sdk.render(host, params)
      // After render() returns, so the controller holds this widget when it hears `ready`.
      queueMicrotask(() => destroyed || events.ready_())

      return {
        execute_() {
          spec.execute_?.(sdk, id, options)
        },
        reset_() {
          sdk.reset(id)
        },
        update_: (next, previous) => renderKey(next as O) === renderKey(previous as O),
        destroy_() {
          destroyed = true
          if (sdk.remove) sdk.remove(id)
          else sdk.reset(id)
          host.remove()
        },
      }
    },
  }
}
