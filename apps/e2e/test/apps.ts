import { fileURLToPath } from 'node:url'

/** The sample apps under test; each serves the same signup page contract. */
export const APPS = ['vanilla-demo', 'react-demo', 'vue-demo', 'solid-demo'].map((name) => ({
  name,
  root: fileURLToPath(new URL(`../../${name}/`, import.meta.url)),
}))

/** The nonce every sample app's build carries (Vite's `html.cspNonce`). */
export const DEMO_NONCE = 'passline-demo-nonce'

/** The framework apps, each built by its own tool: `next build`, `nuxi build`. */
export const FRAMEWORK_APPS = [
  { name: 'next-demo', build: 'build:next' },
  { name: 'nuxt-demo', build: 'build:nuxt' },
].map((app) => ({ ...app, root: fileURLToPath(new URL(`../../${app.name}/`, import.meta.url)) }))
