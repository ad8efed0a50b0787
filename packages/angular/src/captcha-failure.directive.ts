import { Directive, inject, TemplateRef } from '@angular/core'
import type { CaptchaFailure } from '@passline/core'

/** What a `passlineCaptchaFailure` template gets: the failure, and a way to retry now. */
export interface CaptchaFailureContext {
  /** The failure (`let-failure`): `error`, `message`, `retryLabel`. */
  $implicit: CaptchaFailure
  /** Tries again at once (`let-retry="retry"`); the widget also tries again by itself. */
  retry: () => void
}

/**
 * Replaces what `<ngx-passline-captcha>` shows in place of a failed widget:
 * `<ng-template passlineCaptchaFailure let-failure let-retry="retry">…</ng-template>` inside it.
 */
@Directive({ selector: 'ng-template[passlineCaptchaFailure]' })
export class PasslineCaptchaFailureDirective {
  readonly template = inject<TemplateRef<CaptchaFailureContext>>(TemplateRef)

  static ngTemplateContextGuard(
    _directive: PasslineCaptchaFailureDirective,
    _context: unknown,
  ): _context is CaptchaFailureContext {
    return true
  }
}
