import { definePasslineProject } from '../../vitest.shared.ts'

export default definePasslineProject('server', { environment: 'node', testTimeout: 20_000 })
