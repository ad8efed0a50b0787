// @vitest-environment node
import { render } from 'svelte/server'
import { describe, expect, it } from 'vitest'
import { SERVER_HTML } from './server-html'
import ServerPage from './ServerPage.svelte'

describe('server rendering', () => {
  it('renders the containers with svelte/server and touches no browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const { body } = render(ServerPage)
    // The markup hydration.test.ts hydrates is exactly what the server sends.
    expect(body).toBe(SERVER_HTML)
  })
})
