import { untrack } from 'svelte'
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
import { getCaptchaDefaults } from './defaults.js'

export interface CaptchaBinding {
  captcha: Captcha
  /** The latest snapshot, reactive. */
  readonly state: CaptchaState
  /** The `language` option in effect (own or default), reactive. */
  readonly language: string | undefined
  /** `{@attach binding.attach}`: mounts the widget into the element, unmounts when it goes. */
  attach: (element: HTMLElement) => () => void
}

/**
 * One controller per component: options (and the defaults above) read in a `$derived` and
 * pushed with `update()`, the state kept in `$state.raw` by a subscription made in an effect
 * (so nothing runs during server rendering), the controller destroyed with the component.
 */
export function createCaptchaBinding(options: () => UseCaptchaOptions): CaptchaBinding {
  const defaults = getCaptchaDefaults()
  const resolved = $derived(mergeCaptchaOptions(defaults(), options()))
  const withStableCallbacks = (next: CaptchaOptions) => withLatestCallbacks(next, () => resolved)

  let applied = untrack(() => resolved)
  const captcha = createCaptcha(withStableCallbacks(applied))
  let state = $state.raw(captcha.getState())

  $effect(() => {
    const next = resolved
    if (!captchaOptionsChanged(applied, next)) return
    applied = next
    captcha.update(withStableCallbacks(next))
  })

  $effect(() => {
    state = captcha.getState()
    const stop = captcha.subscribe((next) => (state = next))
    return () => {
      stop()
      captcha.destroy()
    }
  })

  return {
    captcha,
    get state() {
      return state
    },
    get language() {
      return resolved.language
    },
    attach: (element) => captcha.mount(element),
  }
}
