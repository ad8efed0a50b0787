import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { definePasslineProject } from '../../vitest.shared.ts'

const require = createRequire(import.meta.url)
/** This package's own copy of `name` (React 18 and what pnpm linked to it), by its folder. */
const ownCopy = (name: string) => dirname(require.resolve(`${name}/package.json`))

// @passline/react's own test files, with React, ReactDOM and Testing Library taken from here:
// the files live next to React 19, so without these aliases they would import that one.
export default definePasslineProject('react (React 18)', {
  environment: 'jsdom',
  include: ['test/**/*.test.ts', '../../packages/react/src/**/*.test.{ts,tsx}'],
  alias: ['react-dom', 'react', '@testing-library/react'].map((name) => ({
    find: new RegExp(`^${name}(/.*)?$`),
    replacement: `${ownCopy(name)}$1`,
  })),
})
