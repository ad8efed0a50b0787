import { abortable } from './abortable'
import { createEmitter } from './emitter'
import { hasDocument } from './environment'
import { CaptchaError } from './errors'
import { refreshMargin, watchFreshness } from './freshness'
import type { ProviderDriver, Widget, WidgetEvents } from './provider'
import { providerFactory } from './providers/registry'
import { resolveOptions } from './resolve-options'
import { createRun, type ChallengeRun } from './run'
import { createStore } from './store'
import type { Captcha, CaptchaEvents, CaptchaOptions, CaptchaState, GetTokenOptions } from './types'

const IDLE: CaptchaState = { status: 'idle', token: null, expiresAt: null, error: null }
const noop = () => {}

/**
 * Creates a headless CAPTCHA controller. Nothing touches the page until `mount()`.
 * @throws CaptchaError `invalid-options` without a `siteKey` or with an unknown provider.
 * @see https://github.com/passline/passline/tree/main/packages/core#readme
 */
export function createCaptcha(input: CaptchaOptions): Captcha {
  let options = resolveOptions(input)
  providerFactory(options.provider!)
  const store = createStore(IDLE)
  const events = createEmitter<CaptchaEvents>()

  let driver: ProviderDriver | null = null
  let container: HTMLElement | null = null
  let widget: Widget | null = null
  let widgetPhase: 'none' | 'loading' | 'ready' = 'none'
  // The widget shows a solved challenge: it must be reset before it can verify again.
  let widgetSolved = false
  // Bumped whenever the widget goes away, so late callbacks of an old one are ignored.
  let generation = 0
  let token: { value: string; expiresAt: number } | null = null
  let error: CaptchaError | null = null
  let expired = false
  let run: ChallengeRun | null = null
  let stopFreshness = noop
  let destroyed = false

  function publish() {
    const status = token
      ? 'verified'
      : error
        ? 'error'
        : widgetPhase === 'loading'
          ? 'loading'
          : run?.foreground && widgetPhase === 'ready'
            ? 'solving'
            : expired
              ? 'expired'
              : widgetPhase === 'ready'
                ? 'ready'
                : 'idle'
    store.set({ status, token: token?.value ?? null, expiresAt: token?.expiresAt ?? null, error })
  }

  function settleRun(outcome: { token: string } | { error: unknown }) {
    const settled = run
    if (!settled) return
    run = null
    if ('token' in outcome) settled.resolve(outcome.token)
    else settled.reject(outcome.error)
  }

  function requestRun(foreground: boolean): Promise<string> {
    if (run) {
      run.foreground ||= foreground
    } else {
      run = createRun(foreground)
      error = null
    }
    const { promise } = run
    startRunIfReady()
    publish()
    return promise
  }

  function startRunIfReady() {
    if (!run || run.started || !widget || widgetPhase !== 'ready') return
    run.started = true
    if (widgetSolved) {
      widgetSolved = false
      widget.reset()
    }
    widget.execute()
  }

  function acceptToken(value: string, providerTtlMs: number | undefined) {
    const ttl = options.tokenTtlMs ?? providerTtlMs ?? driver!.tokenTtlMs
    token = { value, expiresAt: Date.now() + ttl }
    error = null
    expired = false
    widgetSolved = true
    watchToken(ttl)
    publish()
    events.emit('verify', value)
    settleRun({ token: value })
  }

  function watchToken(ttl: number) {
    stopFreshness()
    const { expiresAt } = token!
    const refreshAt = options.refresh && options.refresh !== 'auto' ? null : expiresAt - refreshMargin(ttl, options.refreshMarginMs)
    stopFreshness = watchFreshness(expiresAt, refreshAt, {
      refreshDue: () => {
        if (container) requestRun(false).catch(noop)
      },
      expired: expireToken,
    })
  }

  function dropToken() {
    stopFreshness()
    stopFreshness = noop
    token = null
  }

  function expireToken() {
    if (!token) return
    dropToken()
    expired = true
    if (options.refresh === 'manual' && widget && !run) {
      widgetSolved = false
      widget.reset()
    }
    publish()
    events.emit('expire')
  }

  function fail(reason: CaptchaError) {
    dropToken()
    error = reason
    publish()
    events.emit('error', reason)
    settleRun({ error: reason })
  }

  function widgetEvents(owner: number): WidgetEvents {
    const live =
      <A extends unknown[]>(handler: (...args: A) => void) =>
      (...args: A) => {
        if (owner === generation) handler(...args)
      }
    return {
      ready: live(() => {
        widgetPhase = 'ready'
        startRunIfReady()
        publish()
      }),
      token: live(acceptToken),
      error: live(fail),
      expire: live(expireToken),
      close: live(() => {
        events.emit('close')
        settleRun({ error: new CaptchaError('challenge-closed') })
        publish()
      }),
    }
  }

  function render() {
    const owner = ++generation
    const target = container!
    driver ??= providerFactory(options.provider!)(() => options)
    widgetPhase = 'loading'
    error = null
    publish()
    driver.load().then(
      () => {
        if (owner !== generation) return
        widget = driver!.render(target, widgetEvents(owner))
      },
      (reason: unknown) => {
        if (owner !== generation) return
        widgetPhase = 'none'
        fail(reason instanceof CaptchaError ? reason : new CaptchaError('script-load-failed', { cause: reason }))
      },
    )
  }

  function removeWidget() {
    generation++
    widget?.destroy()
    widget = null
    widgetPhase = 'none'
    widgetSolved = false
    if (run) run.started = false
  }

  function rerender() {
    removeWidget()
    if (container) render()
    else publish()
  }

  function unmount() {
    removeWidget()
    container = null
    settleRun({ error: new CaptchaError('aborted') })
    publish()
  }

  function rejected(code: 'destroyed' | 'unsupported-environment') {
    return Promise.reject(new CaptchaError(code))
  }

  const captcha: Captcha = {
    getState: store.get,
    subscribe: store.subscribe,
    on: events.on,

    mount(element) {
      if (destroyed || !hasDocument()) return noop
      if (container) unmount()
      container = element
      render()
      return () => {
        if (container === element && !destroyed) unmount()
      }
    },

    getToken({ minTtlMs = 0, signal, timeoutMs } = {}) {
      if (destroyed) return rejected('destroyed')
      if (!hasDocument()) return rejected('unsupported-environment')
      if (signal?.aborted) return Promise.reject(new CaptchaError('aborted', { cause: signal.reason }))
      if (token && token.expiresAt - Date.now() >= minTtlMs) return Promise.resolve(token.value)
      return abortable(requestRun(true), { signal, timeoutMs })
    },

    execute({ signal, timeoutMs } = {}) {
      if (destroyed) return rejected('destroyed')
      if (!hasDocument()) return rejected('unsupported-environment')
      return abortable(requestRun(true), { signal, timeoutMs })
    },

    async consume(tokenOptions?: GetTokenOptions) {
      const value = await captcha.getToken(tokenOptions)
      captcha.reset()
      return value
    },

    reset() {
      if (destroyed) return
      dropToken()
      error = null
      expired = false
      settleRun({ error: new CaptchaError('aborted') })
      if (container && widgetPhase === 'none') return render()
      widget?.reset()
      widgetSolved = false
      publish()
    },

    update(patch) {
      if (destroyed) return
      const previous = options
      const next = resolveOptions({ ...previous, ...patch } as CaptchaOptions)
      options = next
      if (next.provider !== previous.provider || next.siteKey !== previous.siteKey) {
        providerFactory(next.provider!)
        driver = null
        dropToken()
        expired = false
        return rerender()
      }
      // A token solved for another action would be rejected by the server.
      if (next.action !== previous.action) dropToken()
      if (widget && !widget.update(next, previous)) rerender()
      if (
        token &&
        (next.refresh !== previous.refresh ||
          next.refreshMarginMs !== previous.refreshMarginMs ||
          next.tokenTtlMs !== previous.tokenTtlMs)
      ) {
        watchToken(token.expiresAt - Date.now())
      }
      publish()
    },

    destroy() {
      if (destroyed) return
      removeWidget()
      dropToken()
      destroyed = true
      container = null
      settleRun({ error: new CaptchaError('destroyed') })
      error = null
      expired = false
      publish()
      store.clear()
      events.clear()
    },
  }
  return captcha
}
