import {
  computed,
  getCurrentScope,
  onMounted,
  onScopeDispose,
  shallowReadonly,
  shallowRef,
  toValue,
  watch,
  type MaybeRefOrGetter,
} from 'vue'
import {
  captchaOptionsChanged,
  createCaptcha,
  mergeCaptchaOptions,
  withLatestCallbacks,
  type CaptchaOptions,
  type UseCaptchaOptions,
} from '@passline/core'
import { injectDefaults } from './defaults'

/**
 * One controller per component: options read through `toValue` (plain values, refs or
 * getters) and pushed with `update()`, state in a shallowRef kept by a subscription made in
 * `onMounted` (so nothing runs during server rendering), everything torn down with the scope.
 */
export function useCaptchaController(options: MaybeRefOrGetter<UseCaptchaOptions>) {
  const defaults = injectDefaults()
  const resolved = computed(() => mergeCaptchaOptions(defaults, toValue(options)))
  const withStableCallbacks = (next: CaptchaOptions) =>
    withLatestCallbacks(next, () => resolved.value)

  const captcha = createCaptcha(withStableCallbacks(resolved.value))
  const state = shallowRef(captcha.getState())
  const containerRef = shallowRef<HTMLElement | null>(null)

  watch(resolved, (next, previous) => {
    if (captchaOptionsChanged(previous, next)) captcha.update(withStableCallbacks(next))
  })

  // Started only in the browser, after mount; stopped with the component's scope.
  let stops: (() => void)[] = []
  onMounted(() => {
    state.value = captcha.getState()
    stops = [
      captcha.subscribe((next) => (state.value = next)),
      watch(
        containerRef,
        (element, _previous, onCleanup) => {
          if (element) onCleanup(captcha.mount(element))
        },
        { immediate: true, flush: 'post' },
      ),
    ]
  })
  if (getCurrentScope()) {
    onScopeDispose(() => {
      for (const stop of stops) stop()
      captcha.destroy()
    })
  }

  return { captcha, state: shallowReadonly(state), containerRef, resolved }
}
