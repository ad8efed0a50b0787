import { renderHook } from '@testing-library/react'
import { useCaptcha } from '@passline/react'
import { version as reactVersion } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { describe, expect, it } from 'vitest'

describe('this project', () => {
  it('runs on React 18', () => {
    expect(reactVersion).toMatch(/^18\./)
    expect(reactDomVersion).toMatch(/^18\./)
  })

  it("sends the binding's own imports of React to React 18", () => {
    // The binding's source sits next to React 19. Its hooks work under this React 18 renderer
    // only when the aliases send its `react` imports here too; otherwise the call throws
    // (two Reacts), and the tests next door would quietly run on React 19.
    const { result, unmount } = renderHook(() => useCaptcha({ siteKey: 'test_pass' }))
    expect(result.current.status).toBe('idle')
    unmount()
  })
})
