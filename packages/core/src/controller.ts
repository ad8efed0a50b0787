import { IDLE_STATE } from './idle-state'
import { abortable } from './abortable'
import { createEmitter } from './emitter'
import { hasDocument } from './environment'
import { CaptchaError, widgetSurvives } from './errors'
import { watchFreshness } from './freshness'
import { healDelayMs, scheduleHeal } from './heal'
import { DEFAULT_LOAD_TIMEOUT_MS, loadSdk, loadStep, loadTries } from './load-script'
import type { Loaders, Providers, ProviderDriver, Widget, WidgetEvents } from './provider'
import { resolveOptions } from './resolve-options'
import type { Captcha, CaptchaEvents, CaptchaOptions, CaptchaState, GetTokenOptions } from './types'

/**
 * From render to the widget's `ready`, server token included. Fits the 60 s call bound with the
 * load's own; the same 10 s as a load step, and one constant in the build.
 */
export const DEFAULT_READY_TIMEOUT_MS = DEFAULT_LOAD_TIMEOUT_MS
/** Long enough for a page to hydrate, short enough for a submit button. */
export const DEFAULT_MOUNT_TIMEOUT_MS = 5_000

const noop = () => {}

const LOADERS: Loaders = [loadSdk, loadTries, loadStep]

/** The widget's phase (STATE-MACHINE.md); the two without a working widget come first. */
const enum Phase {
  None,
  /** The load or the widget failed; the next challenge renders anew. */
  Failed,
  Loading,
  Ready,
}

/**
 * The controller behind `createCaptcha`, over the providers it is given: every one, each
 * adapter a chunk of its own (`@passline/core`), or one, carried along (`@passline/core/turnstile`).
 */
export function createController(input: CaptchaOptions, providers: Providers): Captcha {
  let options = resolveOptions(input, providers)
  // State changes travel on the same emitter as the events, under `change`.
  const events = createEmitter<CaptchaEvents & { change: (state: CaptchaState) => void }>()
  let state = IDLE_STATE

  let driver: ProviderDriver | undefined
  let container: HTMLElement | undefined
  let widget: Widget | undefined
  let widgetPhase = Phase.None
  // Bumped whenever the widget goes away, so a load that finishes late renders nothing.
  let generation = 0
  let token: string | null = null
  let expiresAt: number | null = null
  let error: CaptchaError | null = null
  let expired = false
  // The challenge in flight, shared by every caller waiting for a token.
  let run: Promise<string> | undefined
  let settleRunWith: (reason: unknown, token?: string) => void = noop
  // Someone awaits `run` (false for a background refresh): the status shows `solving`.
  let runAwaited = false
  let runStarted = false
  let stopFreshness = noop
  // A failed widget tries again by itself while it is mounted (STATE-MACHINE.md, "Healing").
  let stopHeal = noop
  let healAttempts = 0
  let destroyed = false
  // Each bounds one wait (STATE-MACHINE.md); cleared with clearTimeout, which ignores undefined.
  let readyTimer: ReturnType<typeof setTimeout> | undefined
  let mountTimer: ReturnType<typeof setTimeout> | undefined

  function publish() {
    const status = token
      ? 'verified'
      : error
        ? 'error'
        : widgetPhase === Phase.Loading
          ? 'loading'
          : runAwaited && widgetPhase === Phase.Ready
            ? 'solving'
            : expired
              ? 'expired'
              : widgetPhase === Phase.Ready
                ? 'ready'
                : 'idle'
    setState({ status, token, expiresAt, error })
  }

  /** Snapshots are frozen and reference-stable: a new one only when a field changed. */
  function setState(next: CaptchaState) {
    if ((Object.keys(next) as (keyof CaptchaState)[]).some((key) => next[key] !== state[key])) {
      events.emit('change', (state = Object.freeze(next)))
    }
  }

  /** Settles the challenge in flight: with a token, else with `reason`. */
  function settleRun(reason: unknown, value?: string) {
    const settle = settleRunWith
    run = undefined
    settleRunWith = noop
    runAwaited = runStarted = false
    stopWaitingForMount()
    settle(reason, value)
  }

  function requestRun(awaited: boolean): Promise<string> {
    const promise = (run ??= new Promise((resolve, reject) => {
      settleRunWith = (reason, value) => (value ? resolve(value) : reject(reason))
    }))
    runAwaited ||= awaited
    error = null
    if (!container) waitForMount()
    // No working widget (none, or a failed one): render anew.
    else if (widgetPhase < Phase.Loading) rerender()
    else startRunIfReady()
    publish()
    return promise
  }

  /** A call made with nothing mounted waits a bounded time for a mount (a page still hydrating). */
  function waitForMount() {
    mountTimer ??= setTimeout(() => {
      settleRun(new CaptchaError('not-mounted'))
      publish()
    }, options.mountTimeoutMs ?? DEFAULT_MOUNT_TIMEOUT_MS)
  }

  function stopWaitingForMount() {
    clearTimeout(mountTimer)
    mountTimer = undefined
  }

  function startRunIfReady() {
    if (!run || runStarted || !widget || widgetPhase !== Phase.Ready) return
    runStarted = true
    // Every challenge starts from a clean widget: one that shows a solved challenge cannot verify again.
    widget.reset_()
    widget.execute_()
  }

  function acceptToken(value: string, providerTtlMs?: number) {
    const ttl = options.tokenTtlMs ?? providerTtlMs ?? driver!.tokenTtlMs_
    dropToken()
    token = value
    expiresAt = Date.now() + ttl
    error = null
    expired = false
    // A widget that hands out a token works again, whatever failed before.
    if (widgetPhase === Phase.Failed) widgetPhase = Phase.Ready
    // Default margin: 30 s, at most a fifth of the lifetime; any margin at most half of it.
    const margin = Math.min(options.refreshMarginMs ?? Math.min(30_000, ttl / 5), ttl / 2)
    const refreshAt = options.refresh === 'auto' ? expiresAt - margin : null
    stopFreshness = watchFreshness(
      expiresAt,
      refreshAt,
      () => container && requestRun(false).catch(noop),
      expireToken,
    )
    publish()
    // Settled first, so that a `verify` handler calling reset() cannot turn it into `aborted`.
    settleRun(null, value)
    events.emit('verify', value)
  }

  function dropToken() {
    stopFreshness()
    token = expiresAt = null
  }

  function expireToken() {
    dropToken()
    expired = true
    const { refresh } = options
    // Reached when the refresh did not finish in time, or never ran because the tab slept.
    if (refresh === 'auto' && container && !run) requestRun(false).catch(noop)
    if (refresh === 'manual' && !run) widget?.reset_()
    publish()
    events.emit('expire')
  }

  function fail(reason: CaptchaError) {
    clearTimeout(readyTimer)
    if (
      widgetPhase === Phase.Loading ||
      (widgetPhase === Phase.Ready && !widgetSurvives(reason.code))
    )
      widgetPhase = Phase.Failed
    dropToken()
    error = reason
    publish()
    settleRun(reason)
    events.emit('error', reason)
    stopHeal()
    if (widgetPhase === Phase.Failed && container)
      stopHeal = scheduleHeal(healDelayMs(healAttempts++), () => rerender(true))
  }

  // A destroyed widget reports nothing more (the Widget contract), so one set serves them all.
  const widgetEvents: WidgetEvents = {
    ready_() {
      clearTimeout(readyTimer)
      widgetPhase = Phase.Ready
      // An automatic attempt kept the last error on show until now: this widget works.
      error = null
      healAttempts = 0
      startRunIfReady()
      publish()
    },
    token_: acceptToken,
    error_: (code, details) => fail(new CaptchaError(code, details)),
    close_() {
      events.emit('close')
      settleRun(new CaptchaError('challenge-closed'))
      publish()
    },
    rerender_: rerender,
    expire_: () => token && expireToken(),
  }

  /** `healing`: an automatic attempt, which keeps the last error on show until it is ready. */
  function render(healing = false) {
    const owner = ++generation
    const target = container!
    const current = () => owner === generation
    widgetPhase = Phase.Loading
    if (!healing) error = null
    publish()
    providers(options.provider!)!(options.loadTimeoutMs)
      .then((createDriver) => {
        if (!current()) return
        // Made once per provider and site key: a driver keeps what outlives its widgets.
        return (driver ??= createDriver(() => options, LOADERS)).load_()
      })
      .then(
        () => {
          if (!current()) return
          readyTimer = setTimeout(
            () => fail(new CaptchaError('ready-timeout')),
            options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS,
          )
          try {
            widget = driver!.render_(target, widgetEvents)
          } catch (cause) {
            return fail(new CaptchaError('provider-error', { cause }))
          }
          // A provider that reported ready from inside render() had no widget to run yet.
          startRunIfReady()
        },
        (reason: CaptchaError) => current() && fail(reason),
      )
  }

  function removeWidget() {
    generation++
    clearTimeout(readyTimer)
    stopHeal()
    widget?.destroy_()
    widget = undefined
    widgetPhase = Phase.None
    runStarted = false
  }

  function rerender(healing?: boolean) {
    removeWidget()
    if (container) render(healing)
    else publish()
  }

  function unmount() {
    removeWidget()
    container = undefined
    // The error was the removed widget's; the next mount starts afresh anyway.
    error = null
    healAttempts = 0
    settleRun(new CaptchaError('aborted'))
    publish()
  }

  /** Nothing to do: destroyed, or on a server. */
  const inert = () => destroyed || !hasDocument()

  /** `fresh`: run a new challenge even when the held token would do. */
  async function challenge(fresh: boolean, tokenOptions: GetTokenOptions = {}) {
    if (inert()) throw new CaptchaError(destroyed ? 'destroyed' : 'unsupported-environment')
    if (!fresh && token && expiresAt! - Date.now() >= (tokenOptions.minTtlMs ?? 0)) return token
    // The caller's own signal and timeout stop only its wait (abortable reads just those two).
    return abortable(() => requestRun(true), tokenOptions)
  }

  const captcha: Captcha = {
    getState: () => state,
    subscribe: (listener) => events.on('change', listener),
    on: events.on,

    mount(element) {
      if (inert()) return noop
      if (container) unmount()
      stopWaitingForMount()
      container = element
      render()
      // After destroy() or another mount the container differs, and this teardown does nothing.
      return () => container === element && unmount()
    },

    getToken: (tokenOptions) => challenge(false, tokenOptions),
    execute: (tokenOptions) => challenge(true, tokenOptions),
    consume: (tokenOptions) =>
      captcha.getToken(tokenOptions).then((value) => {
        captcha.reset()
        return value
      }),

    // After destroy() there is nothing left to reset, and this changes nothing.
    reset() {
      dropToken()
      error = null
      expired = false
      settleRun(new CaptchaError('aborted'))
      // No working widget (none, or a failed one): render anew.
      if (container && widgetPhase < Phase.Loading) return rerender()
      widget?.reset_()
      publish()
    },

    update(patch) {
      if (destroyed) return
      const previous = options
      const next = resolveOptions({ ...previous, ...patch } as CaptchaOptions, providers)
      options = next
      if (next.provider !== previous.provider || next.siteKey !== previous.siteKey) {
        driver = undefined
        dropToken()
        expired = false
        return rerender()
      }
      // A token solved for another action would be rejected by the server.
      if (next.action !== previous.action) dropToken()
      if (widget && !widget.update_(next, previous)) rerender()
      publish()
    },

    destroy() {
      if (destroyed) return
      removeWidget()
      dropToken()
      destroyed = true
      container = undefined
      settleRun(new CaptchaError('destroyed'))
      setState(IDLE_STATE)
    },
  }
  return captcha
}
