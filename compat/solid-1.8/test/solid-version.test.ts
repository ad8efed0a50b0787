import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const solidPackage = createRequire(import.meta.url)('solid-js/package.json') as { version: string }

describe('this project', () => {
  it('runs on Solid 1.8', () => {
    // The binding's files next door sit beside Solid 1.9; resolveFromHere sends their imports
    // here. Without it their Solid and the test renderer's differ, and three of their tests
    // fail (reactivity across two Solids), which is how a broken resolver shows.
    expect(solidPackage.version).toMatch(/^1\.8\./)
  })
})
