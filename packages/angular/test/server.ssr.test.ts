// Angular's own packages load from node_modules here, partially compiled: the compiler
// finishes them as they load (an SSR build links them ahead of time instead).
import '@angular/compiler'
import { Component, provideZonelessChangeDetection } from '@angular/core'
import { bootstrapApplication, type BootstrapContext } from '@angular/platform-browser'
import { provideServerRendering, renderApplication } from '@angular/platform-server'
import { describe, expect, it } from 'vitest'
import {
  injectCaptcha,
  PasslineCaptchaComponent,
  PasslineCaptchaDirective,
  provideCaptchaDefaults,
} from '../src/index'

@Component({
  selector: 'app-root',
  imports: [PasslineCaptchaComponent, PasslineCaptchaDirective],
  template: `<ngx-passline-captcha action="login" />
    <form><div [passlineCaptcha]="captcha" [attr.data-status]="captcha.status()"></div></form>`,
})
class Page {
  readonly captcha = injectCaptcha({ action: 'signup' })
}

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
              provideZonelessChangeDetection(),
              provideCaptchaDefaults({ siteKey: 'test_pass' }),
            ],
          },
          context,
        ),
      { document: '<html><head></head><body><app-root></app-root></body></html>' },
    )
    const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/ ng-[a-z-]+="[^"]*"/g, '')
    expect(body).toBe(
      '<app-root><ngx-passline-captcha data-passline-captcha="" action="login"></ngx-passline-captcha>' +
        '<form><div data-status="idle"></div></form></app-root>',
    )
    // No widget, no loader script: nothing ran.
    expect(html).not.toContain('<script src=')
    expect(typeof window).toBe('undefined')
  })
})
