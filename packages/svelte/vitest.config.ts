import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { definePasslineProject } from '../../vitest.shared.ts'

// Components and `.svelte.ts` modules compiled for the browser, under jsdom: svelteTesting
// adds the `browser` condition and the cleanup. Server rendering is vitest.ssr.config.ts.
export default definePasslineProject(
  'svelte',
  { environment: 'jsdom', exclude: ['**/*.ssr.test.ts', '**/node_modules/**'] },
  { plugins: [svelte(), svelteTesting()] },
)
