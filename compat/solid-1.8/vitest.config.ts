import solid from 'vite-plugin-solid'
import { definePasslineProject, resolveFromHere } from '../../vitest.shared.ts'

// @passline/solid's own browser tests, on Solid 1.8: the files live next to Solid 1.9, so
// without resolveFromHere they would import that one. Server rendering stays the main run's.
export default definePasslineProject(
  'solid (Solid 1.8)',
  {
    environment: 'jsdom',
    include: ['test/**/*.test.ts', '../../packages/solid/test/**/*.test.tsx'],
    exclude: ['../../packages/solid/test/*.ssr.test.tsx'],
  },
  {
    plugins: [
      resolveFromHere(import.meta.url, ['solid-js', '@solidjs/testing-library']),
      solid({ solid: { hydratable: true } }),
    ],
  },
)
