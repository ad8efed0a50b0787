import solid from 'vite-plugin-solid'
import { definePasslineProject } from '../../vitest.shared.ts'

// Tests in JSX compiled by Solid's compiler for the DOM (hydratable, as SolidStart compiles
// it), under jsdom with Solid's browser build. Server rendering is vitest.ssr.config.ts.
export default definePasslineProject(
  'solid',
  { environment: 'jsdom', exclude: ['**/*.ssr.test.tsx', '**/node_modules/**'] },
  { plugins: [solid({ solid: { hydratable: true } })] },
)
