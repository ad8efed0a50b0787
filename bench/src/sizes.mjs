// Min+gzip bytes of what a page loads for each Passline entry and for the best-known existing
// bindings, measured the same way in the same run (esbuild, minified, frameworks external; a
// binding's own dependencies, such as a loader package, count).
import { fileURLToPath } from 'node:url'
import { measureBundle } from '../../scripts/bundle-size.mjs'

const benchDir = fileURLToPath(new URL('..', import.meta.url))

const CORE = "export { createCaptcha, isCaptchaError, CaptchaError } from '@passline/core'"
const REACT = "export { Captcha, useCaptcha } from '@passline/react'"
const VUE = "export { Captcha, useCaptcha } from '@passline/vue'"
const SVELTE = "export { Captcha, useCaptcha } from '@passline/svelte'"
const SOLID = "export { Captcha, useCaptcha } from '@passline/solid'"
const ANGULAR = "export * from '@passline/angular'"
const ELEMENT = "import '@passline/element/define'"

/** @passline/angular as ng-packagr publishes it (its own manifest in dist/). */
const angularAsPublished = {
  name: 'angular-as-published',
  setup(build) {
    build.onResolve({ filter: /^@passline\/angular$/ }, () => ({
      path: fileURLToPath(
        new URL('../../packages/angular/dist/fesm2022/passline-angular.mjs', import.meta.url),
      ),
    }))
  },
}

/** ALTCHA, Cap and Friendly Captcha: Passline's adapter key and the provider's name. */
const PRIVACY_FIRST = [
  { key: 'altcha', provider: 'ALTCHA' },
  { key: 'cap', provider: 'Cap' },
  { key: 'friendlycaptcha', provider: 'Friendly Captcha' },
]

/** What is compared: each row names the provider and framework it serves. */
export const SIZE_ENTRIES = [
  {
    name: '@passline/core + CaptchaLa',
    framework: '—',
    provider: 'CaptchaLa',
    code: CORE,
    lazy: ['captchala'],
  },
  {
    name: '@passline/core + Turnstile',
    framework: '—',
    provider: 'Turnstile',
    code: CORE,
    lazy: ['turnstile'],
  },
  {
    name: '@passline/core + hCaptcha',
    framework: '—',
    provider: 'hCaptcha',
    code: CORE,
    lazy: ['hcaptcha'],
  },
  {
    name: '@passline/core + reCAPTCHA',
    framework: '—',
    provider: 'reCAPTCHA',
    code: CORE,
    lazy: ['recaptcha'],
  },
  {
    name: '@passline/core/captchala',
    framework: '—',
    provider: 'CaptchaLa',
    code: "export { createCaptcha, isCaptchaError, CaptchaError } from '@passline/core/captchala'",
  },
  {
    name: '@passline/core/turnstile',
    framework: '—',
    provider: 'Turnstile',
    code: "export { createCaptcha, isCaptchaError, CaptchaError } from '@passline/core/turnstile'",
  },
  {
    name: '@passline/core/hcaptcha',
    framework: '—',
    provider: 'hCaptcha',
    code: "export { createCaptcha, isCaptchaError, CaptchaError } from '@passline/core/hcaptcha'",
  },
  {
    name: '@passline/core/recaptcha',
    framework: '—',
    provider: 'reCAPTCHA',
    code: "export { createCaptcha, isCaptchaError, CaptchaError } from '@passline/core/recaptcha'",
  },
  ...PRIVACY_FIRST.flatMap(({ key, provider }) => [
    { name: `@passline/core + ${provider}`, framework: '—', provider, code: CORE, lazy: [key] },
    {
      name: `@passline/core/${key}`,
      framework: '—',
      provider,
      code: `export { createCaptcha, isCaptchaError, CaptchaError } from '@passline/core/${key}'`,
    },
  ]),
  {
    name: '@passline/react + CaptchaLa',
    framework: 'React',
    provider: 'CaptchaLa',
    code: REACT,
    lazy: ['captchala'],
  },
  {
    name: '@passline/react + Turnstile',
    framework: 'React',
    provider: 'Turnstile',
    code: REACT,
    lazy: ['turnstile'],
  },
  {
    name: '@passline/react + hCaptcha',
    framework: 'React',
    provider: 'hCaptcha',
    code: REACT,
    lazy: ['hcaptcha'],
  },
  {
    name: '@passline/react + reCAPTCHA',
    framework: 'React',
    provider: 'reCAPTCHA',
    code: REACT,
    lazy: ['recaptcha'],
  },
  {
    name: '@passline/vue + CaptchaLa',
    framework: 'Vue',
    provider: 'CaptchaLa',
    code: VUE,
    lazy: ['captchala'],
  },
  {
    name: '@passline/vue + Turnstile',
    framework: 'Vue',
    provider: 'Turnstile',
    code: VUE,
    lazy: ['turnstile'],
  },
  {
    name: '@passline/vue + hCaptcha',
    framework: 'Vue',
    provider: 'hCaptcha',
    code: VUE,
    lazy: ['hcaptcha'],
  },
  {
    name: '@passline/vue + reCAPTCHA',
    framework: 'Vue',
    provider: 'reCAPTCHA',
    code: VUE,
    lazy: ['recaptcha'],
  },
  {
    name: '@passline/svelte + CaptchaLa',
    framework: 'Svelte',
    provider: 'CaptchaLa',
    code: SVELTE,
    lazy: ['captchala'],
  },
  {
    name: '@passline/svelte + Turnstile',
    framework: 'Svelte',
    provider: 'Turnstile',
    code: SVELTE,
    lazy: ['turnstile'],
  },
  {
    name: '@passline/svelte + hCaptcha',
    framework: 'Svelte',
    provider: 'hCaptcha',
    code: SVELTE,
    lazy: ['hcaptcha'],
  },
  {
    name: '@passline/svelte + reCAPTCHA',
    framework: 'Svelte',
    provider: 'reCAPTCHA',
    code: SVELTE,
    lazy: ['recaptcha'],
  },
  {
    name: '@passline/solid + CaptchaLa',
    framework: 'Solid',
    provider: 'CaptchaLa',
    code: SOLID,
    lazy: ['captchala'],
  },
  {
    name: '@passline/solid + Turnstile',
    framework: 'Solid',
    provider: 'Turnstile',
    code: SOLID,
    lazy: ['turnstile'],
  },
  {
    name: '@passline/solid + hCaptcha',
    framework: 'Solid',
    provider: 'hCaptcha',
    code: SOLID,
    lazy: ['hcaptcha'],
  },
  {
    name: '@passline/solid + reCAPTCHA',
    framework: 'Solid',
    provider: 'reCAPTCHA',
    code: SOLID,
    lazy: ['recaptcha'],
  },
  {
    name: '@passline/angular + CaptchaLa',
    framework: 'Angular',
    provider: 'CaptchaLa',
    code: ANGULAR,
    lazy: ['captchala'],
  },
  {
    name: '@passline/angular + Turnstile',
    framework: 'Angular',
    provider: 'Turnstile',
    code: ANGULAR,
    lazy: ['turnstile'],
  },
  {
    name: '@passline/angular + hCaptcha',
    framework: 'Angular',
    provider: 'hCaptcha',
    code: ANGULAR,
    lazy: ['hcaptcha'],
  },
  {
    name: '@passline/angular + reCAPTCHA',
    framework: 'Angular',
    provider: 'reCAPTCHA',
    code: ANGULAR,
    lazy: ['recaptcha'],
  },
  {
    name: '@passline/element + CaptchaLa',
    framework: 'any (custom element)',
    provider: 'CaptchaLa',
    code: ELEMENT,
    lazy: ['captchala'],
  },
  {
    name: '@passline/element + Turnstile',
    framework: 'any (custom element)',
    provider: 'Turnstile',
    code: ELEMENT,
    lazy: ['turnstile'],
  },
  {
    name: '@passline/element + hCaptcha',
    framework: 'any (custom element)',
    provider: 'hCaptcha',
    code: ELEMENT,
    lazy: ['hcaptcha'],
  },
  {
    name: '@passline/element + reCAPTCHA',
    framework: 'any (custom element)',
    provider: 'reCAPTCHA',
    code: ELEMENT,
    lazy: ['recaptcha'],
  },
  {
    name: '@marsidev/react-turnstile',
    framework: 'React',
    provider: 'Turnstile',
    code: "export * from '@marsidev/react-turnstile'",
  },
  {
    name: '@hcaptcha/react-hcaptcha',
    framework: 'React',
    provider: 'hCaptcha',
    code: "export { default } from '@hcaptcha/react-hcaptcha'",
  },
  {
    name: 'react-google-recaptcha',
    framework: 'React',
    provider: 'reCAPTCHA',
    code: "export { default } from 'react-google-recaptcha'",
  },
  {
    name: '@captchafox/react',
    framework: 'React',
    provider: 'CaptchaFox',
    code: "export * from '@captchafox/react'",
  },
  {
    name: 'svelte-turnstile',
    framework: 'Svelte',
    provider: 'Turnstile',
    code: "export * from 'svelte-turnstile'",
  },
  {
    name: '@nerimity/solid-turnstile',
    framework: 'Solid',
    provider: 'Turnstile',
    code: "export * from '@nerimity/solid-turnstile'",
  },
  {
    name: 'vue-turnstile',
    framework: 'Vue',
    provider: 'Turnstile',
    code: "export { default } from 'vue-turnstile'",
  },
  {
    name: '@hcaptcha/vue3-hcaptcha',
    framework: 'Vue',
    provider: 'hCaptcha',
    code: "export { default } from '@hcaptcha/vue3-hcaptcha'",
  },
  // The privacy-first providers' own widgets, as a page bundles them itself. A Passline page
  // loads the same widget besides (from `scriptUrl`): its row plus Passline's is that page.
  {
    name: 'altcha',
    framework: 'any (custom element)',
    provider: 'ALTCHA',
    code: "import 'altcha'",
  },
  {
    name: '@cap.js/widget',
    framework: 'any (custom element)',
    provider: 'Cap',
    code: "import '@cap.js/widget'",
  },
  {
    name: '@friendlycaptcha/sdk',
    framework: '—',
    provider: 'Friendly Captcha',
    code: "export { FriendlyCaptchaSDK } from '@friendlycaptcha/sdk'",
  },
]

export async function measureSizes() {
  const rows = []
  for (const entry of SIZE_ENTRIES) {
    const { min, gzip } = await measureBundle(entry.code, {
      resolveDir: benchDir,
      lazy: entry.lazy,
      plugins: [angularAsPublished],
    })
    rows.push({ name: entry.name, framework: entry.framework, provider: entry.provider, min, gzip })
  }
  return rows
}

/**
 * What a row's bytes buy, as the package's own code does it at the version measured (read in
 * its shipped build), apart from what the provider's widget does by itself: a failed load or
 * widget tried again (retry), the token renewed before it expires (refresh), a call for a token
 * that always settles (settles), server rendering (SSR), and how the token reaches a form.
 */
export const WHAT_EACH_BYTE_BUYS = [
  {
    name: '@passline/core and every binding',
    retry: 'the script twice; a failed widget heals by itself (1 s, doubling to 30 s)',
    refresh: 'before expiry, the old token kept meanwhile',
    settles: 'every getToken() within 60 s by default, typed errors; also on close, unmount, abort',
    ssr: 'nothing touches the page before mount; server rendering tested',
    form:
      "the widget's own hidden field; Vue v-model:token, Svelte bind:token, Angular a form " +
      'control, the element form-associated (the token is the form value, required checked)',
  },
  {
    name: '@marsidev/react-turnstile',
    retry: "no load retry (Turnstile's own challenge retry passed on)",
    refresh: "Turnstile's own, after expiry",
    settles: 'getResponsePromise(), 30 s timeout',
    ssr: 'loads after mount',
    form: "Turnstile's hidden field",
  },
  {
    name: '@hcaptcha/react-hcaptcha',
    retry: 'the script, twice more (bundled loader)',
    refresh: 'no',
    settles: 'execute({ async: true }), no timeout of its own',
    ssr: 'loads after mount',
    form: "hCaptcha's hidden field",
  },
  {
    name: 'react-google-recaptcha',
    retry: 'no',
    refresh: 'no',
    settles: 'executeAsync(), no timeout of its own',
    ssr: 'loads after mount',
    form: "reCAPTCHA's hidden field",
  },
  {
    name: '@captchafox/react',
    retry: 'the script, 4 tries',
    refresh: 'no',
    settles: 'execute(), with a timeout',
    ssr: 'loads after mount',
    form: '—',
  },
  {
    name: 'svelte-turnstile',
    retry: "no load retry (Turnstile's own challenge retry passed on)",
    refresh: "Turnstile's own, after expiry",
    settles: 'no promise',
    ssr: 'loads after mount',
    form: "Turnstile's hidden field",
  },
  {
    name: '@nerimity/solid-turnstile',
    retry: 'no',
    refresh: 'a reset on expiry, opt-in',
    settles: 'no promise',
    ssr: 'loads after mount',
    form: "Turnstile's hidden field",
  },
  {
    name: 'vue-turnstile',
    retry: 'no',
    refresh: 'a reset 295 s after each token',
    settles: 'no promise',
    ssr: 'loads after mount',
    form: 'v-model',
  },
  {
    name: '@hcaptcha/vue3-hcaptcha',
    retry: 'no',
    refresh: 'no',
    settles: 'executeAsync(), no timeout of its own',
    ssr: 'loads after mount',
    form: "hCaptcha's hidden field",
  },
]
