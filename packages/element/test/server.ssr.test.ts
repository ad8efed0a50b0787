import { describe, expect, it } from 'vitest'

describe('on a server', () => {
  it('both entries import without touching a browser global, and define does nothing', async () => {
    expect(typeof window).toBe('undefined')
    expect(typeof HTMLElement).toBe('undefined')
    const element = await import('../src/index')
    await import('../src/define')
    expect(typeof element.PasslineCaptchaElement).toBe('function')
    expect(() => element.defineCaptchaElement()).not.toThrow()
  })
})
