import solid from 'vite-plugin-solid'
import { definePasslineProject, resolveFromHere } from '../../vitest.shared.ts'
import { bindingTestsOnSolid2 } from './binding-tests-on-solid-2.ts'

// @passline/solid's server rendering test on Solid 2's server build, in Node with no DOM: the
// markup its hydration test (vitest.node22.config.ts) adopts.
export default definePasslineProject(
  'solid-ssr (Solid 2)',
  { environment: 'node', include: ['../../packages/solid/test/*.ssr.test.tsx'] },
  {
    plugins: [
      bindingTestsOnSolid2(import.meta.url),
      resolveFromHere(import.meta.url, ['solid-js', '@solidjs/web']),
      solid({ ssr: true, solid: { hydratable: true } }),
    ],
  },
)
