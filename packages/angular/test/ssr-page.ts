// The page both server tests share: rendered by platform-server (server.ssr.test.ts), and that
// same markup hydrated in the browser (hydration.test.ts).
import { Component } from '@angular/core'
import { injectCaptcha, PasslineCaptchaComponent, PasslineCaptchaDirective } from '../src/index'

@Component({
  selector: 'app-root',
  imports: [PasslineCaptchaComponent, PasslineCaptchaDirective],
  template: `<ngx-passline-captcha action="login" />
    <form><div [passlineCaptcha]="captcha" [attr.data-status]="captcha.status()"></div></form>`,
})
export class Page {
  readonly captcha = injectCaptcha({ action: 'signup' })
}
