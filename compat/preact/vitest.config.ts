import { definePasslineProject } from '../../vitest.shared.ts'

// @passline/react's own test files on Preact: React, ReactDOM and Testing Library aliased to
// preact/compat and @testing-library/preact, the set-up a Preact app uses (see the React
// binding's README). Most specific names first: an alias matches by prefix.
const aliases: [string, string][] = [
  ['react-dom/test-utils', 'preact/test-utils'],
  ['react-dom/client', 'preact/compat/client'],
  ['react-dom/server', 'preact/compat/server'],
  ['react-dom', 'preact/compat'],
  ['react/jsx-runtime', 'preact/jsx-runtime'],
  ['react/jsx-dev-runtime', 'preact/jsx-dev-runtime'],
  ['react', 'preact/compat'],
  ['@testing-library/react', '@testing-library/preact'],
]

export default definePasslineProject('react (Preact)', {
  environment: 'jsdom',
  include: ['test/**/*.test.ts', '../../packages/react/src/**/*.test.{ts,tsx}'],
  env: { PASSLINE_RENDERER: 'preact' },
  alias: aliases.map(([name, replacement]) => ({
    find: new RegExp(`^${name}$`),
    replacement: new URL(import.meta.resolve(replacement)).pathname,
  })),
})
