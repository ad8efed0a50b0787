import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('demo-api', { environment: 'node' })
