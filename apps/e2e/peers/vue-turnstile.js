// vue-turnstile, used as its README shows (`v-model` of the token), in a render function.
import { createApp, h, ref } from 'vue'
import VueTurnstile from 'vue-turnstile'
import { onError, onToken, siteKey } from './record.js'

const token = ref('')
createApp({
  setup: () => () =>
    h(VueTurnstile, {
      siteKey,
      modelValue: token.value,
      'onUpdate:modelValue': (value) => {
        token.value = value
        if (value) onToken(value)
      },
      onError,
    }),
}).mount('#app')
