import { renderHook } from '@testing-library/react'
import { useCaptcha } from '@passline/react'
import { options } from 'preact'
import { version } from 'react'
import { describe, expect, it } from 'vitest'

describe('this project', () => {
  it('runs on Preact', () => {
    // preact/compat reports the React version it mirrors; Preact's own `options` is its hook.
    expect(version).toMatch(/^18\./)
    expect(options).toBeTypeOf('object')
  })

  it("sends the binding's own imports of React to preact/compat", () => {
    const { result, unmount } = renderHook(() => useCaptcha({ siteKey: 'test_pass' }))
    expect(result.current.status).toBe('idle')
    unmount()
  })
})
