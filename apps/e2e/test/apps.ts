import { fileURLToPath } from 'node:url'

/** The sample apps under test; each serves the same signup page contract. */
export const APPS = ['vanilla-demo', 'react-demo', 'vue-demo'].map((name) => ({
  name,
  root: fileURLToPath(new URL(`../../${name}/`, import.meta.url)),
}))

/** The nonce every sample app's build carries (Vite's `html.cspNonce`). */
export const DEMO_NONCE = 'passline-demo-nonce'
