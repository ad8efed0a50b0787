import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('core', { environment: 'jsdom' })
