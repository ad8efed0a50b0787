import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { definePasslineProject, resolveFromHere } from '../../vitest.shared.ts'

// @passline/svelte's own browser tests, compiled by Svelte 5.29's compiler and run on its
// runtime: the files live next to the current Svelte 5, so without resolveFromHere they would
// import that one. Server rendering stays the main run's.
export default definePasslineProject(
  'svelte (Svelte 5.29)',
  {
    environment: 'jsdom',
    include: ['test/**/*.test.ts', '../../packages/svelte/test/**/*.test.ts'],
    exclude: ['../../packages/svelte/test/*.ssr.test.ts'],
  },
  {
    plugins: [
      resolveFromHere(import.meta.url, ['svelte', '@testing-library/svelte']),
      svelte({ configFile: '../../packages/svelte/svelte.config.js' }),
      svelteTesting(),
    ],
  },
)
