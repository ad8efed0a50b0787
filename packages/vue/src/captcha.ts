import { defineComponent, h, watch, type PropType, type SlotsType, type VNodeChild } from 'vue'
import type {
  Captcha as CaptchaController,
  CaptchaError,
  CaptchaFailure,
  CaptchaOptions,
  CaptchaStatus,
  RetryOptions,
  UseCaptchaOptions,
} from '@passline/core'
import { useCaptchaController } from './use-captcha-controller'
import { useFailure } from './use-failure'

/**
 * Every option of every provider as a prop (an unset one falls back to the plugin's default),
 * plus the `token` model. Literal on purpose: no call or spread at module level, so bundles
 * that never use the component drop it.
 */
const captchaProps = {
  token: { type: String as PropType<string | null>, default: undefined },
  provider: String as PropType<CaptchaOptions['provider']>,
  siteKey: String,
  action: String,
  language: String,
  theme: String as PropType<'auto' | 'light' | 'dark'>,
  execution: String as PropType<'render' | 'execute'>,
  refresh: String as PropType<'auto' | 'manual' | 'never'>,
  refreshMarginMs: Number,
  tokenTtlMs: Number,
  scriptUrl: String,
  nonce: String,
  loadTimeoutMs: Number,
  retry: Object as PropType<RetryOptions>,
  product: String as PropType<'embed' | 'popup' | 'float' | 'bind'>,
  serverToken: String,
  getServerToken: Function as PropType<() => Promise<string>>,
  cData: String,
  appearance: String as PropType<'always' | 'execute' | 'interaction-only'>,
  size: String as PropType<'normal' | 'flexible' | 'compact' | 'invisible'>,
  rqdata: String,
  version: String as PropType<'v2' | 'v3'>,
  badge: String as PropType<'bottomright' | 'bottomleft' | 'inline'>,
}

/** What the `failure` slot gets while the widget has failed: the words, and a way to retry now. */
export interface CaptchaFailureSlotProps extends CaptchaFailure {
  /** Tries again at once (the widget also tries again by itself). */
  retry: () => void
}

/** What a template ref to `<Captcha>` offers. */
export interface CaptchaHandle {
  execute: CaptchaController['execute']
  getToken: CaptchaController['getToken']
  consume: CaptchaController['consume']
  reset: CaptchaController['reset']
  getState: CaptchaController['getState']
}

const CaptchaComponent = /* @__PURE__ */ defineComponent({
  name: 'PasslineCaptcha',
  props: captchaProps,
  emits: {
    verify: (token: string) => typeof token === 'string',
    expire: () => true,
    error: (error: CaptchaError) => error instanceof Error,
    'status-change': (status: CaptchaStatus) => typeof status === 'string',
    'update:token': (token: string | null) => token === null || typeof token === 'string',
  },
  slots: Object as SlotsType<{
    /** In place of a failed widget, inside the live region. Default: the message and a Retry button. */
    failure?: (failure: CaptchaFailureSlotProps) => VNodeChild
  }>,
  setup(props, { emit, expose, slots }) {
    const options = () => {
      const picked: Record<string, unknown> = {}
      for (const key of Object.keys(captchaProps) as (keyof typeof captchaProps)[]) {
        if (key !== 'token') picked[key] = props[key]
      }
      return picked as UseCaptchaOptions
    }
    const { captcha, state, containerRef, resolved } = useCaptchaController(options)
    const failure = useFailure(state, () => resolved.value.language)

    // The controller lives exactly as long as this component, and these listeners with it.
    captcha.on('verify', (token) => emit('verify', token))
    captcha.on('expire', () => emit('expire'))
    captcha.on('error', (error) => emit('error', error))
    watch(
      () => state.value.status,
      (status) => emit('status-change', status),
    )
    watch(
      () => state.value.token,
      (token) => {
        if (token !== props.token) emit('update:token', token)
      },
    )

    expose({
      execute: captcha.execute,
      getToken: captcha.getToken,
      consume: captcha.consume,
      reset: captcha.reset,
      getState: captcha.getState,
    } satisfies CaptchaHandle)
    const retry = captcha.reset
    return () => {
      const shown = failure.value
      return h('div', { 'data-passline-captcha': '' }, [
        h('div', { ref: containerRef }),
        h(
          'div',
          { role: 'status' },
          shown
            ? slots.failure
              ? [slots.failure({ ...shown, retry })]
              : [
                  `${shown.message} `,
                  h('button', { type: 'button', onClick: retry }, shown.retryLabel),
                ]
            : undefined,
        ),
      ])
    }
  },
})

/**
 * The widget as a component: `v-model:token`, events `verify`, `expire`, `error`,
 * `status-change`, and through a template ref `{ execute, getToken, consume, reset, getState }`.
 * While no widget can be shown (its load or the widget failed) it says so in words, with a
 * button to retry, in a live region; the `failure` slot replaces those words.
 * `defineComponent` cannot see what `expose()` adds, so the type says it: an instance (what
 * `InstanceType<typeof Captcha>` and a template ref give) carries the handle's methods.
 */
export const Captcha = CaptchaComponent as typeof CaptchaComponent & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape of Vue's own constructor type
  new (...args: any[]): InstanceType<typeof CaptchaComponent> & CaptchaHandle
}

export type CaptchaInstance = InstanceType<typeof Captcha>
