import { renderHook } from '@testing-library/react'
import { useCaptcha } from '@passline/react'
import { createRequire } from 'node:module'
import { version } from 'react'
import { describe, expect, it } from 'vitest'

const preactPackage = createRequire(import.meta.url)('preact/package.json') as { version: string }

describe('this project', () => {
  it('runs on Preact 11', () => {
    expect(preactPackage.version).toMatch(/^11\./)
    // Preact 11's compat layer mirrors React 19, where Preact 10's mirrored 18.
    expect(version).toMatch(/^19\./)
  })

  it("sends the binding's own imports of React to Preact 11's compat", () => {
    const { result, unmount } = renderHook(() => useCaptcha({ siteKey: 'test_pass' }))
    expect(result.current.status).toBe('idle')
    unmount()
  })
})
