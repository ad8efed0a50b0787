import { hydrate } from 'solid-js/web'
import { describe, expect, it, vi } from 'vitest'
import { SERVER_HTML } from './server-html'
import { ServerPage } from './ssr-page'
import { fakeCaptchala, settle } from './test-utils'

describe('hydration', () => {
  it('adopts the server’s containers and mounts one widget into each, once', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const root = document.body.appendChild(document.createElement('div'))
    root.innerHTML = SERVER_HTML
    const [box, form] = [root.querySelector('.box')!, root.querySelector('[data-status]')!]
    // What Solid's <HydrationScript> sets up on the page before hydration.
    vi.stubGlobal('_$HY', { events: [], completed: new WeakSet(), r: {} })
    const dispose = hydrate(
      () => <ServerPage defaults={{ siteKey: 'test_pass', scriptUrl }} />,
      root,
    )
    await settle()
    expect(root.querySelector('.box')).toBe(box)
    expect(root.querySelector('[data-status]')).toBe(form)
    expect(form.getAttribute('data-status')).toBe('ready')
    // The component's widget renders into its first child. (Solid 2 mounts them the other way.)
    const containers = fake.widgets.map((widget) => widget.container)
    expect(containers).toHaveLength(2)
    expect(containers).toEqual(expect.arrayContaining([box.firstElementChild, form]))
    expect(fake.scriptRequests).toHaveLength(1)
    dispose()
    expect(fake.live()).toHaveLength(0)
    root.remove()
  })
})
