// The module's public options here; the mock's URLs and the secret come from the environment
// at run time: NUXT_PUBLIC_PASSLINE_SCRIPT_URL, NUXT_PASSLINE_BASE_URL, NUXT_PASSLINE_SECRET.
export default defineNuxtConfig({
  modules: ['@passline/nuxt'],
  passline: {
    siteKey: 'test_pass_invisible',
    scriptUrl: 'http://127.0.0.1:8787/captchala-loader.js',
    server: { baseUrl: 'http://127.0.0.1:8787' },
  },
  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      title: 'Sign up · Nuxt · Passline',
      link: [{ rel: 'icon', href: 'data:,' }],
    },
  },
  // The samples' shared look; each sample keeps its own copy.
  css: ['~/assets/style.css'],
  devtools: { enabled: false },
  telemetry: false,
  compatibilityDate: '2026-01-01',
})
