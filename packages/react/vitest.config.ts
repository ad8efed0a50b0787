import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('react', { environment: 'jsdom' })
