import { definePasslineProject } from '../../vitest.shared'

export default definePasslineProject('core', { environment: 'jsdom' })
