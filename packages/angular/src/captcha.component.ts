import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  forwardRef,
  inject,
  input,
  output,
  PLATFORM_ID,
  signal,
  type OnDestroy,
  type OnInit,
} from '@angular/core'
import { isPlatformBrowser } from '@angular/common'
import { NG_VALUE_ACCESSOR, type ControlValueAccessor } from '@angular/forms'
import {
  mergeCaptchaOptions,
  type CaptchaDefaults,
  type CaptchaError,
  type CaptchaStatus,
  type ProviderName,
  type UseCaptchaOptions,
} from '@passline/core'
import { injectCaptcha } from './inject-captcha'

const OPTION_INPUTS = [
  'siteKey',
  'provider',
  'action',
  'language',
  'theme',
  'execution',
  'scriptUrl',
  'nonce',
  'serverToken',
  'getServerToken',
] as const

/**
 * The widget as a form control: `<ngx-passline-captcha formControlName="captcha" siteKey="…" />`.
 * Its value is the token (`null` while there is none), so `Validators.required` keeps the form
 * invalid until it is solved, and `form.reset()` resets the widget. The common options are
 * inputs, the rest go in `[options]`; outputs `verify`, `expire`, `error`, `statusChange`; its
 * `captcha` (through a template reference or `viewChild`) has the signals and the methods
 * (`getToken`, `consume`, `execute`, `reset`, `getState`). Works without a form too.
 */
@Component({
  selector: 'ngx-passline-captcha',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-passline-captcha': '' },
  providers: [
    {
      provide: NG_VALUE_ACCESSOR,
      useExisting: forwardRef(() => PasslineCaptchaComponent),
      multi: true,
    },
  ],
})
export class PasslineCaptchaComponent implements ControlValueAccessor, OnInit, OnDestroy {
  readonly siteKey = input<string>()
  readonly provider = input<ProviderName>()
  readonly action = input<string>()
  readonly language = input<string>()
  readonly theme = input<'auto' | 'light' | 'dark'>()
  readonly execution = input<'render' | 'execute'>()
  readonly scriptUrl = input<string>()
  readonly nonce = input<string>()
  /** CaptchaLa's server token, or the function that asks your backend for one. */
  readonly serverToken = input<string>()
  readonly getServerToken = input<() => Promise<string>>()
  /**
   * Every other option, as one object: a provider's own (`product`, `size`, `appearance`,
   * `version`…), `refresh`, the timeouts, `retry`. The inputs above win over it.
   */
  readonly options = input<Partial<UseCaptchaOptions>>()

  readonly verify = output<string>()
  readonly expire = output<void>()
  readonly error = output<CaptchaError>()
  readonly statusChange = output<CaptchaStatus>()

  readonly #disabled = signal(false)
  #onChange: (token: string | null) => void = () => {}
  #onTouched: () => void = () => {}
  #unsubscribe = () => {}

  /** The controller behind the element, its state as signals, and its methods. */
  readonly captcha = injectCaptcha(() =>
    mergeCaptchaOptions(
      (this.options() ?? {}) as CaptchaDefaults,
      Object.fromEntries(OPTION_INPUTS.map((name) => [name, this[name]()])) as UseCaptchaOptions,
    ),
  )

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement
    const browser = isPlatformBrowser(inject(PLATFORM_ID))
    // The host element is the container; a disabled control shows no widget.
    effect((onCleanup) => {
      if (browser && !this.#disabled()) onCleanup(this.captcha.mount(host))
    })
  }

  // Once the inputs are bound: listening creates the controller, which needs its siteKey. It
  // lives exactly as long as this component, and these listeners with it.
  ngOnInit(): void {
    this.captcha.on('verify', (token) => {
      this.verify.emit(token)
      this.#onTouched()
    })
    this.captcha.on('expire', () => this.expire.emit())
    this.captcha.on('error', (error) => this.error.emit(error))
    // Straight from the controller, not from an effect: the form hears of a new token (and of
    // it going: consumed, expired, reset) before the change detection that shows the form.
    let reportedStatus: CaptchaStatus = 'idle'
    let reportedToken: string | null = null
    this.#unsubscribe = this.captcha.subscribe(({ status, token }) => {
      if (status !== reportedStatus) this.statusChange.emit((reportedStatus = status))
      if (token !== reportedToken) this.#onChange((reportedToken = token))
    })
  }

  // Before the controller is destroyed (its DestroyRef callback runs after this hook): its
  // last state change must not reach a destroyed component's outputs.
  ngOnDestroy(): void {
    this.#unsubscribe()
  }

  /** A form reset (or any value written that is not the current token) resets the widget. */
  writeValue(value: unknown): void {
    if (value !== this.captcha.token() && this.captcha.token() !== null) this.captcha.reset()
  }
  registerOnChange(onChange: (token: string | null) => void): void {
    this.#onChange = onChange
  }
  registerOnTouched(onTouched: () => void): void {
    this.#onTouched = onTouched
  }
  setDisabledState(disabled: boolean): void {
    this.#disabled.set(disabled)
  }
}
