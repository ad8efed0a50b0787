import { hydrate, unmount } from 'svelte'
import { describe, expect, it } from 'vitest'
import { SERVER_HTML } from './server-html'
import ServerPage from './ServerPage.svelte'
import { fakeCaptchala, settle } from './test-utils'

describe('hydration', () => {
  it('adopts the server’s containers and mounts one widget into each, once', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const target = document.body.appendChild(document.createElement('div'))
    target.innerHTML = SERVER_HTML
    const elements = [
      target.querySelector('[data-passline-captcha]')!,
      target.querySelector('[data-status]')!,
      target.querySelector('[data-testid="action"]')!,
    ]
    const page = hydrate(ServerPage, { target, props: { scriptUrl } })
    await settle()
    expect([
      target.querySelector('[data-passline-captcha]'),
      target.querySelector('[data-status]'),
      target.querySelector('[data-testid="action"]'),
    ]).toEqual(elements)
    expect(elements[1]!.getAttribute('data-status')).toBe('ready')
    // The component's widget renders into its first child.
    expect(fake.widgets.map((widget) => widget.container)).toEqual([
      elements[0]!.firstElementChild,
      ...elements.slice(1),
    ])
    expect(fake.scriptRequests).toHaveLength(1)
    await unmount(page)
    expect(fake.live()).toHaveLength(0)
    target.remove()
  })
})
