import { definePasslineProject, ownCopyAliases } from '../../vitest.shared.ts'

// @passline/vue's own test files, with Vue and Vue Test Utils taken from here: the files live
// next to Vue 3.5, so without these aliases they would import that one.
export default definePasslineProject('vue (Vue 3.3)', {
  environment: 'jsdom',
  include: ['test/**/*.test.ts', '../../packages/vue/src/**/*.test.ts'],
  alias: ownCopyAliases(import.meta.url, ['vue', '@vue/test-utils']),
})
