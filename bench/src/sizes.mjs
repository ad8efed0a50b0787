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

/** What is compared: each row names the provider and framework it serves. */
export const SIZE_ENTRIES = [
  { name: '@passline/core + CaptchaLa', framework: '—', provider: 'CaptchaLa', code: CORE },
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
  { name: '@passline/react + CaptchaLa', framework: 'React', provider: 'CaptchaLa', code: REACT },
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
  { name: '@passline/vue + CaptchaLa', framework: 'Vue', provider: 'CaptchaLa', code: VUE },
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
  { name: '@passline/solid + CaptchaLa', framework: 'Solid', provider: 'CaptchaLa', code: SOLID },
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
