import { createMemo, createSignal, onCleanup, untrack } from 'solid-js'
import {
  captchaOptionsChanged,
  createCaptcha,
  mergeCaptchaOptions,
  withLatestCallbacks,
  type Captcha,
  type CaptchaOptions,
  type CaptchaState,
  type UseCaptchaOptions,
} from '@passline/core'
import { useCaptchaDefaults } from './config-context'
import { watch } from './solid-major'

export interface CaptchaBinding {
  captcha: Captcha
  state: () => CaptchaState
  /** The options in effect: own, or the provider's defaults. */
  options: () => CaptchaOptions
  /** The container's ref: `<div ref={binding.ref} />`. */
  ref: (element: HTMLElement) => void
}

/**
 * One controller per owner: options (and the provider's defaults) in a memo pushed through
 * `update()`; the state read from the controller, tracked by a signal its subscription sets;
 * the widget mounted into the ref'd element by an effect. Effects never run on the server, so
 * the controller never starts there; all of it is torn down with the owner.
 */
export function createCaptchaBinding(options: () => UseCaptchaOptions): CaptchaBinding {
  const defaults = useCaptchaDefaults()
  const resolved = createMemo(() => mergeCaptchaOptions(defaults(), options()))
  const withStableCallbacks = (next: CaptchaOptions) => withLatestCallbacks(next, resolved)

  let applied = untrack(resolved)
  const captcha = createCaptcha(withStableCallbacks(applied))
  // The snapshot the subscription last gave, in a variable: it shows at once after the call
  // that changed it, also on Solid 2, whose signals show a write only after the next flush. The
  // signal tells readers that it changed.
  let snapshot = captcha.getState()
  const [changed, setChanged] = createSignal(snapshot)
  const state = () => (changed(), snapshot)
  const [container, setContainer] = createSignal<HTMLElement>()

  watch(resolved, (next) => {
    if (!captchaOptionsChanged(applied, next)) return
    applied = next
    captcha.update(withStableCallbacks(next))
  })
  // Cleaned before the destroy below, so pending calls settle with `aborted`.
  watch(container, (element) => element && captcha.mount(element))
  onCleanup(() => captcha.destroy())
  // Ended before that destroy (cleanups run last first): its idle state is not kept.
  onCleanup(captcha.subscribe((next) => setChanged((snapshot = next))))

  return { captcha, state, options: resolved, ref: setContainer }
}
