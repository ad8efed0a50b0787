import solid from 'vite-plugin-solid'
import { definePasslineProject } from '../../vitest.shared.ts'

// Server rendering in Node: JSX compiled for SSR and Solid's server build, as SolidStart
// renders. A project of its own: the browser condition must not apply.
export default definePasslineProject(
  'solid-ssr',
  { environment: 'node', include: ['test/**/*.ssr.test.tsx'] },
  { plugins: [solid({ ssr: true })] },
)
