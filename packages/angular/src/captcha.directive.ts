import {
  Directive,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  PLATFORM_ID,
  type OnInit,
} from '@angular/core'
import { isPlatformBrowser } from '@angular/common'
import type { InjectedCaptcha } from './inject-captcha'

/**
 * Renders an `injectCaptcha()` widget into its host element:
 * `<div [passlineCaptcha]="captcha"></div>`. Another captcha bound later moves there; the
 * element going away unmounts it. Browser only.
 */
@Directive({ selector: '[passlineCaptcha]' })
export class PasslineCaptchaDirective implements OnInit {
  readonly passlineCaptcha = input.required<InjectedCaptcha>()

  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement
  readonly #injector = inject(Injector)

  // Started once the input is bound (an effect made in the constructor could run before);
  // the effect, and the widget with it, goes when the directive does.
  ngOnInit(): void {
    if (!isPlatformBrowser(this.#injector.get(PLATFORM_ID))) return
    effect((onCleanup) => onCleanup(this.passlineCaptcha().mount(this.#host)), {
      injector: this.#injector,
    })
  }
}
