// Angular's own packages load from node_modules here, partially compiled: the compiler
// finishes them as they load (an SSR build links them ahead of time instead).
import '@angular/compiler'
import { provideZonelessChangeDetection } from '@angular/core'
import {
  bootstrapApplication,
  provideClientHydration,
  type BootstrapContext,
} from '@angular/platform-browser'
import { provideServerRendering, renderApplication } from '@angular/platform-server'
import { describe, expect, it } from 'vitest'
import { provideCaptchaDefaults } from '../src/index'
import { SERVER_BODY } from './server-html'
import { Page } from './ssr-page'

describe('server rendering', () => {
  it('renders the containers with platform-server and touches no browser global', async () => {
    expect(typeof window).toBe('undefined')
    const html = await renderApplication(
      (context: BootstrapContext) =>
        bootstrapApplication(
          Page,
          {
            providers: [
              provideServerRendering(),
              provideClientHydration(),
              provideZonelessChangeDetection(),
              provideCaptchaDefaults({ siteKey: 'test_pass' }),
            ],
          },
          context,
        ),
      { document: '<html><head></head><body><app-root></app-root></body></html>' },
    )
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!
    // The markup hydration.test.ts hydrates is exactly what the server sends: the containers,
    // no widget, no loader script (nothing ran), and Angular's hydration data.
    expect(body).toBe(SERVER_BODY)
    expect(typeof window).toBe('undefined')
  })
})
