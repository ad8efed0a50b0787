import { fileURLToPath } from 'node:url'

/**
 * The sample apps under test, each serving the same signup page contract. A Vite app is built
 * in-process and served by `vite preview`; an app with `server` (SvelteKit on adapter-node,
 * rendering on the server) is built by its own `build` script and runs its production server;
 * one with `ownBuild` is built by its script and served by `vite preview`.
 * `built` is the file a finished build leaves.
 */
export const APPS: {
  name: string
  root: string
  built: string
  /** Its own production server, started with `node` (else `vite preview` serves it). */
  server?: string
  /** Built by its own `build` script, outside Vitest (Analog's plugin builds for tests inside). */
  ownBuild?: boolean
}[] = [
  { name: 'vanilla-demo', built: 'dist/index.html' },
  { name: 'react-demo', built: 'dist/index.html' },
  { name: 'vue-demo', built: 'dist/index.html' },
  { name: 'solid-demo', built: 'dist/index.html' },
  { name: 'element-demo', built: 'dist/index.html' },
  { name: 'angular-demo', built: 'dist/index.html', ownBuild: true },
  { name: 'svelte-demo', built: 'build/index.js', server: 'build/index.js' },
].map((app) => ({ ...app, root: fileURLToPath(new URL(`../../${app.name}/`, import.meta.url)) }))

/** The nonce every sample app's build carries (Vite's `html.cspNonce`). */
export const DEMO_NONCE = 'passline-demo-nonce'

/** The framework apps, each built by its own tool: `next build`, `nuxi build`. */
export const FRAMEWORK_APPS = [
  { name: 'next-demo', build: 'build:next' },
  { name: 'nuxt-demo', build: 'build:nuxt' },
].map((app) => ({ ...app, root: fileURLToPath(new URL(`../../${app.name}/`, import.meta.url)) }))
