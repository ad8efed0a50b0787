import {
  afterNextRender,
  assertInInjectionContext,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
  type Signal,
} from '@angular/core'
import {
  captchaOptionsChanged,
  createCaptcha,
  IDLE_STATE,
  mergeCaptchaOptions,
  withLatestCallbacks,
  type Captcha,
  type CaptchaError,
  type CaptchaOptions,
  type CaptchaState,
  type CaptchaStatus,
  type UseCaptchaOptions,
} from '@passline/core'
import { CAPTCHA_DEFAULTS } from './defaults'

export interface InjectedCaptcha extends Pick<
  Captcha,
  'execute' | 'getToken' | 'consume' | 'reset' | 'getState'
> {
  /** The whole snapshot. */
  state: Signal<CaptchaState>
  status: Signal<CaptchaStatus>
  token: Signal<string | null>
  error: Signal<CaptchaError | null>
  expiresAt: Signal<number | null>
  /**
   * Renders the widget into `element`; returns the unmount. The `[passlineCaptcha]` directive
   * calls it for you.
   */
  mount(element: HTMLElement): () => void
  /** The controller's events (verify, expire, error); returns the unsubscribe. */
  on: Captcha['on']
  /** Every state change as it happens, outside change detection; returns the unsubscribe. */
  subscribe: Captcha['subscribe']
}

/**
 * A CAPTCHA for this component (call it in an injection context: a field initialiser or the
 * constructor). Options may be a plain object, a signal or a function of signals: their
 * changes reach the widget (language in place, theme re-renders, a new siteKey re-creates it).
 * Nothing runs on the server; everything is torn down with the component (`DestroyRef`).
 * @example
 * captcha = injectCaptcha(() => ({ siteKey: 'app-key', action: 'signup', language: this.lang() }))
 * // <div [passlineCaptcha]="captcha"></div>  {{ captcha.status() }}  await captcha.consume()
 */
export function injectCaptcha(
  options: UseCaptchaOptions | Signal<UseCaptchaOptions> | (() => UseCaptchaOptions),
): InjectedCaptcha {
  assertInInjectionContext(injectCaptcha)
  const defaults = inject(CAPTCHA_DEFAULTS, { optional: true }) ?? {}
  const read = typeof options === 'function' ? options : () => options
  const resolved = computed(() => mergeCaptchaOptions(defaults, read()))
  const withStableCallbacks = (next: CaptchaOptions) => withLatestCallbacks(next, resolved)

  // Created on first use, not here: a component's inputs are not bound yet while it is
  // constructed. Its first effect run (inputs bound), a method call or a mount creates it.
  let applied = {} as CaptchaOptions
  let captcha: Captcha | null = null
  const controller = () =>
    (captcha ??= createCaptcha(withStableCallbacks((applied = untracked(resolved)))))
  const state = signal(IDLE_STATE)
  // A call settles: options the core refuses (no siteKey anywhere) reject it, typed.
  const call = (run: (captcha: Captcha) => Promise<string>) => {
    try {
      return run(controller())
    } catch (error) {
      return Promise.reject(error)
    }
  }

  effect(() => {
    const next = resolved()
    if (!captcha) return void controller()
    if (!captchaOptionsChanged(applied, next)) return
    applied = next
    captcha.update(withStableCallbacks(next))
  })
  // afterNextRender runs in the browser only: on the server the controller never starts.
  // Unsubscribed first on destroy: the signals keep the last state, not the destroyed one's.
  let unsubscribe = () => {}
  afterNextRender(() => {
    state.set(controller().getState())
    unsubscribe = controller().subscribe((next) => state.set(next))
  })
  inject(DestroyRef).onDestroy(() => {
    unsubscribe()
    captcha?.destroy()
  })

  return {
    state: state.asReadonly(),
    status: computed(() => state().status),
    token: computed(() => state().token),
    error: computed(() => state().error),
    expiresAt: computed(() => state().expiresAt),
    execute: (options) => call((captcha) => captcha.execute(options)),
    getToken: (options) => call((captcha) => captcha.getToken(options)),
    consume: (options) => call((captcha) => captcha.consume(options)),
    reset: () => controller().reset(),
    getState: () => captcha?.getState() ?? IDLE_STATE,
    mount: (element) => controller().mount(element),
    on: (event, handler) => controller().on(event, handler),
    subscribe: (listener) => controller().subscribe(listener),
  }
}
