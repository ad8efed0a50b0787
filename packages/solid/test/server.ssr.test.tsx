import { renderToString } from 'solid-js/web'
import { describe, expect, it } from 'vitest'
import { SERVER_HTML } from './server-html'
import { ServerPage } from './ssr-page'

describe('server rendering', () => {
  it('renders the containers with renderToString and touches no browser global', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(() => <ServerPage defaults={{ siteKey: 'test_pass' }} />)
    // The markup hydration.test.tsx hydrates is exactly what the server sends.
    expect(html).toBe(SERVER_HTML)
  })
})
