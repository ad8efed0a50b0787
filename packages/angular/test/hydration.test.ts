import type { ApplicationRef } from '@angular/core'
import { provideZonelessChangeDetection } from '@angular/core'
import { bootstrapApplication, provideClientHydration } from '@angular/platform-browser'
import { describe, expect, it, vi } from 'vitest'
import { provideCaptchaDefaults } from '../src/index'
import { SERVER_BODY } from './server-html'
import { Page } from './ssr-page'
import { fakeCaptchala } from './test-utils'

async function stable(app: ApplicationRef) {
  for (let round = 0; round < 3; round++) {
    await app.whenStable()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

describe('hydration', () => {
  it('adopts the server’s containers and mounts one widget into each, once', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    document.body.innerHTML = SERVER_BODY
    const elements = [
      document.querySelector('ngx-passline-captcha')!,
      document.querySelector('[data-status]')!,
    ]
    const errors = vi.spyOn(console, 'error')
    const warnings = vi.spyOn(console, 'warn')
    const app = await bootstrapApplication(Page, {
      providers: [
        provideClientHydration(),
        provideZonelessChangeDetection(),
        provideCaptchaDefaults({ siteKey: 'test_pass', scriptUrl }),
      ],
    })
    await stable(app)
    expect([
      document.querySelector('ngx-passline-captcha'),
      document.querySelector('[data-status]'),
    ]).toEqual(elements)
    expect(elements[1]!.getAttribute('data-status')).toBe('ready')
    // The component's widget renders into its first child.
    expect(fake.widgets.map((widget) => widget.container)).toEqual([
      elements[0]!.firstElementChild,
      elements[1],
    ])
    expect(fake.scriptRequests).toHaveLength(1)
    app.destroy()
    expect(fake.live()).toHaveLength(0)
    // No hydration mismatch, no output emitted after the component was destroyed.
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
    document.body.innerHTML = ''
  })
})
