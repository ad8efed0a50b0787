import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { definePasslineProject } from '../../vitest.shared.ts'

const require = createRequire(import.meta.url)
/** This package's own copy of `name` (Vue 3.3 and what pnpm linked to it), by its folder. */
const ownCopy = (name: string) => dirname(require.resolve(`${name}/package.json`))

// @passline/vue's own test files, with Vue and Vue Test Utils taken from here: the files
// live next to Vue 3.5, so without these aliases they would import that one.
export default definePasslineProject('vue (Vue 3.3)', {
  environment: 'jsdom',
  include: ['test/**/*.test.ts', '../../packages/vue/src/**/*.test.ts'],
  alias: ['vue', '@vue/test-utils'].map((name) => ({
    find: new RegExp(`^${name}(/.*)?$`),
    replacement: `${ownCopy(name)}$1`,
  })),
})
