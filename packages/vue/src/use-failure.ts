import { computed, onMounted, shallowRef, watch, type Ref } from 'vue'
import { describeFailure, loadCaptchaTexts, type CaptchaState } from '@passline/core'

/**
 * The failure to show in place of the widget, in the component's language. The language's
 * texts load once mounted (a failure is likeliest when the network fails) and again when a
 * failure shows if they did not arrive; the failure is worked out again when they do.
 */
export function useFailure(state: Readonly<Ref<CaptchaState>>, language: () => string | undefined) {
  const arrivals = shallowRef(0)
  const failure = computed(() => (arrivals.value, describeFailure(state.value, language())))
  onMounted(() =>
    watch(
      [language, () => !!failure.value],
      () =>
        void loadCaptchaTexts(language()).then((arrived) => {
          if (arrived) arrivals.value++
        }),
      { immediate: true },
    ),
  )
  return failure
}
