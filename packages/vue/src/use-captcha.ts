import { computed, type ComputedRef, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue'
import type {
  Captcha,
  CaptchaError,
  CaptchaState,
  CaptchaStatus,
  UseCaptchaOptions,
} from '@passline/core'
import { useCaptchaController } from './use-captcha-controller'

export interface UseCaptchaReturn extends Pick<
  Captcha,
  'execute' | 'getToken' | 'consume' | 'reset'
> {
  /** The element the widget renders into: `<div :ref="captcha.containerRef" />`. */
  containerRef: ShallowRef<HTMLElement | null>
  /** The whole snapshot, read-only. */
  state: Readonly<Ref<CaptchaState>>
  status: ComputedRef<CaptchaStatus>
  token: ComputedRef<string | null>
  error: ComputedRef<CaptchaError | null>
  expiresAt: ComputedRef<number | null>
}

/**
 * A CAPTCHA for this component. Options may be plain values, refs or getters; changes reach
 * the widget (language in place, theme re-renders, a new siteKey re-creates it).
 * @example
 * const captcha = useCaptcha({ siteKey: 'app-key', action: 'signup' })
 * // in the template: <div :ref="captcha.containerRef" />
 */
export function useCaptcha(options: MaybeRefOrGetter<UseCaptchaOptions>): UseCaptchaReturn {
  const { captcha, state, containerRef } = useCaptchaController(options)
  return {
    containerRef,
    state,
    status: computed(() => state.value.status),
    token: computed(() => state.value.token),
    error: computed(() => state.value.error),
    expiresAt: computed(() => state.value.expiresAt),
    execute: captcha.execute,
    getToken: captcha.getToken,
    consume: captcha.consume,
    reset: captcha.reset,
  }
}
