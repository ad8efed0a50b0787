import { createEffect, createMemo, createSignal, on, onCleanup, onMount, untrack } from 'solid-js'
import { isServer } from 'solid-js/web'
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

export interface CaptchaBinding {
  captcha: Captcha
  state: () => CaptchaState
  /** The `language` option in effect (own or default). */
  language: () => string | undefined
  /** The container's ref: `<div ref={binding.ref} />`. */
  ref: (element: HTMLElement) => void
}

/**
 * One controller per owner: options (and the provider's defaults) in a memo pushed through
 * `update()`, the state in a signal kept by a subscription made on mount, the widget mounted
 * into the ref'd element by an effect. None of it runs on the server (`isServer`); all of it
 * is torn down with the owner.
 */
export function createCaptchaBinding(options: () => UseCaptchaOptions): CaptchaBinding {
  const defaults = useCaptchaDefaults()
  const resolved = createMemo(() => mergeCaptchaOptions(defaults(), options()))
  const withStableCallbacks = (next: CaptchaOptions) => withLatestCallbacks(next, resolved)

  let applied = untrack(resolved)
  const captcha = createCaptcha(withStableCallbacks(applied))
  const [state, setState] = createSignal(captcha.getState())
  const [container, setContainer] = createSignal<HTMLElement>()

  if (!isServer) {
    createEffect(
      on(resolved, (next) => {
        if (!captchaOptionsChanged(applied, next)) return
        applied = next
        captcha.update(withStableCallbacks(next))
      }),
    )
    onMount(() => {
      setState(captcha.getState())
      onCleanup(captcha.subscribe(setState))
    })
    // Cleaned before the destroy below, so pending calls settle with `aborted`.
    createEffect(() => {
      const element = container()
      if (element) onCleanup(captcha.mount(element))
    })
    onCleanup(() => captcha.destroy())
  }

  return { captcha, state, language: () => resolved().language, ref: setContainer }
}
