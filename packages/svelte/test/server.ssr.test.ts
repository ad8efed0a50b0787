// @vitest-environment node
import { render } from 'svelte/server'
import { describe, expect, it } from 'vitest'
import ServerPage from './ServerPage.svelte'

describe('server rendering', () => {
  it('renders the containers with svelte/server and touches no browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const { body } = render(ServerPage)
    expect(body.replace(/<!--[^>]*-->/g, '')).toBe(
      '<div data-passline-captcha=""></div> <form><div data-status="idle"></div> <div></div></form>',
    )
  })
})
