import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('vue', { environment: 'jsdom' })
