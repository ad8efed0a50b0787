import { svelte } from '@sveltejs/vite-plugin-svelte'
import { definePasslineProject } from '../../vitest.shared.ts'

// Server rendering in Node: Svelte's server build and components compiled for the server,
// as SvelteKit renders them. A project of its own: the browser condition must not apply.
export default definePasslineProject(
  'svelte-ssr',
  { environment: 'node', include: ['test/**/*.ssr.test.ts'] },
  { plugins: [svelte()] },
)
