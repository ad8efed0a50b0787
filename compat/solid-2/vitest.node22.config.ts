import solid from 'vite-plugin-solid'
import { definePasslineProject, resolveFromHere } from '../../vitest.shared.ts'
import { bindingTestsOnSolid2 } from './binding-tests-on-solid-2.ts'

// @passline/solid's own browser tests on Solid 2 (its Vite plugin is a prerelease, 3.0.0-next;
// @solidjs/testing-library 1.0.0-beta for Solid 2), under Node 22+ (scripts/compat-nodes.mjs).
// JSX compiled hydratable, as SolidStart compiles it (in tests the plugin's default is not).
// What the tests import that Solid 2 has elsewhere: binding-tests-on-solid-2.ts.
export default definePasslineProject(
  'solid (Solid 2)',
  {
    environment: 'jsdom',
    include: ['test/**/*.test.ts', '../../packages/solid/test/**/*.test.tsx'],
    exclude: ['../../packages/solid/test/*.ssr.test.tsx'],
  },
  {
    plugins: [
      bindingTestsOnSolid2(import.meta.url),
      resolveFromHere(import.meta.url, ['solid-js', '@solidjs/web', '@solidjs/testing-library']),
      solid({ ssr: true, solid: { hydratable: true } }),
    ],
  },
)
