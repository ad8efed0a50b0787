import { VERSION } from 'svelte/compiler'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const sveltePackage = createRequire(import.meta.url)('svelte/package.json') as { version: string }

describe('this project', () => {
  it('compiles with and runs on Svelte 5.29', () => {
    // `{@attach}`, which the binding's README shows, arrived in 5.29: the floor of its range.
    expect(sveltePackage.version).toMatch(/^5\.29\./)
    expect(VERSION).toMatch(/^5\.29\./)
  })
})
