import { definePasslineProject } from '../../vitest.shared.ts'

// Importing the element's entries in Node, as a server render does.
export default definePasslineProject('element-ssr', {
  environment: 'node',
  include: ['test/**/*.ssr.test.ts'],
})
