import { definePasslineProject, ownCopyAliases } from '../../vitest.shared.ts'

// @passline/react's own test files, with React, ReactDOM and Testing Library taken from here:
// the files live next to React 19, so without these aliases they would import that one.
export default definePasslineProject('react (React 18)', {
  environment: 'jsdom',
  include: ['test/**/*.test.ts', '../../packages/react/src/**/*.test.{ts,tsx}'],
  alias: ownCopyAliases(import.meta.url, ['react-dom', 'react', '@testing-library/react']),
})
