import { fileURLToPath } from 'node:url'
import { definePasslineProject, resolveFromHere } from '../../vitest.shared.ts'

// React, ReactDOM and Testing Library aliased to preact/compat and @testing-library/preact,
// the set-up a Preact app uses (see the React binding's README). Most specific names first:
// an alias matches by prefix.
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

/**
 * @passline/react's own test files on the Preact installed next to `configUrl`: the aliases
 * name Preact's modules, and resolveFromHere finds them there, whichever folder imports them.
 */
export function preactProject(name: string, configUrl: string) {
  return definePasslineProject(
    name,
    {
      environment: 'jsdom',
      include: ['test/**/*.test.ts', '../../packages/react/src/**/*.test.{ts,tsx}'],
      env: { PASSLINE_RENDERER: 'preact' },
      setupFiles: [fileURLToPath(new URL('preact-setup.ts', import.meta.url))],
      alias: aliases.map(([from, to]) => ({ find: new RegExp(`^${from}$`), replacement: to })),
    },
    { plugins: [resolveFromHere(configUrl, ['preact', '@testing-library/preact'])] },
  )
}
