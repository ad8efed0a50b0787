import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  contentChild,
  effect,
  type ElementRef,
  forwardRef,
  inject,
  input,
  output,
  PLATFORM_ID,
  signal,
  viewChild,
  type OnDestroy,
  type OnInit,
} from '@angular/core'
import { isPlatformBrowser, NgTemplateOutlet } from '@angular/common'
import {
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  type ControlValueAccessor,
  type ValidationErrors,
  type Validator,
} from '@angular/forms'
import {
  describeFailure,
  loadCaptchaTexts,
  mergeCaptchaOptions,
  type CaptchaDefaults,
  type CaptchaError,
  type CaptchaStatus,
  type ProviderName,
  type UseCaptchaOptions,
} from '@passline/core'
import { PasslineCaptchaFailureDirective } from './captcha-failure.directive'
import { CAPTCHA_DEFAULTS } from './defaults'
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
 * The widget as a form control: `<ngx-passline-captcha formControlName="captchaToken" siteKey="…" />`.
 * Its value is the token (`null` while there is none), so `Validators.required` keeps the form
 * invalid until it is solved, and `form.reset()` resets the widget; while the widget has failed
 * the control is invalid with `errors.captcha`, the `CaptchaError`. The common options are
 * inputs, the rest go in `[options]`; outputs `verify`, `expire`, `error`, `statusChange`; its
 * `captcha` (through a template reference or `viewChild`) has the signals and the methods
 * (`getToken`, `consume`, `execute`, `reset`, `getState`). Works without a form too. While no
 * widget can be shown it says so in words with a Retry button, in a live region; an
 * `<ng-template passlineCaptchaFailure>` inside it replaces those words.
 */
@Component({
  selector: 'ngx-passline-captcha',
  imports: [NgTemplateOutlet],
  template: `<div #widget></div>
    <div role="status">
      @if (failure(); as failure) {
        @if (failureTemplate(); as custom) {
          <ng-container
            *ngTemplateOutlet="custom.template; context: { $implicit: failure, retry: retry }"
          />
        } @else {
          {{ failure.message }}
          <button type="button" (click)="retry()">{{ failure.retryLabel }}</button>
        }
      }
    </div>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-passline-captcha': '' },
  providers: [
    {
      provide: NG_VALUE_ACCESSOR,
      useExisting: forwardRef(() => PasslineCaptchaComponent),
      multi: true,
    },
    {
      provide: NG_VALIDATORS,
      useExisting: forwardRef(() => PasslineCaptchaComponent),
      multi: true,
    },
  ],
})
export class PasslineCaptchaComponent
  implements ControlValueAccessor, Validator, OnInit, OnDestroy
{
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
  #onValidatorChange: (error?: CaptchaError) => void = () => {}
  readonly #changes = inject(ChangeDetectorRef)
  #unsubscribe = () => {}

  readonly #ownOptions = computed(() =>
    mergeCaptchaOptions(
      (this.options() ?? {}) as CaptchaDefaults,
      Object.fromEntries(OPTION_INPUTS.map((name) => [name, this[name]()])) as UseCaptchaOptions,
    ),
  )
  /** The controller behind the element, its state as signals, and its methods. */
  readonly captcha = injectCaptcha(this.#ownOptions)

  protected readonly failureTemplate = contentChild(PasslineCaptchaFailureDirective)
  protected readonly retry = () => this.captcha.reset()
  // Unset until the view exists: the mount below waits for it.
  private readonly widget = viewChild<ElementRef<HTMLElement>>('widget')
  readonly #defaults = inject(CAPTCHA_DEFAULTS, { optional: true })
  readonly #language = computed(() => this.#ownOptions().language ?? this.#defaults?.language)
  readonly #textsArrived = signal(0)
  /** What shows in place of a failed widget, in the component's language. */
  protected readonly failure = computed(
    () => (this.#textsArrived(), describeFailure(this.captcha.state(), this.#language())),
  )

  constructor() {
    const browser = isPlatformBrowser(inject(PLATFORM_ID))
    // A disabled control shows no widget.
    effect((onCleanup) => {
      const widget = this.widget()?.nativeElement
      if (browser && widget && !this.#disabled()) onCleanup(this.captcha.mount(widget))
    })
    // The language's texts load in the browser (a failure is likeliest when the network
    // fails), again when a failure shows if they did not arrive; the words follow.
    const failed = computed(() => !!this.failure())
    effect(() => {
      const language = this.#language()
      void failed()
      if (browser)
        void loadCaptchaTexts(language).then(
          (arrived) => arrived && this.#textsArrived.update((n) => n + 1),
        )
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
    let reportedError: CaptchaError | undefined
    this.#unsubscribe = this.captcha.subscribe((state) => {
      const { status, token } = state
      if (status !== reportedStatus) this.statusChange.emit((reportedStatus = status))
      const error = describeFailure(state)?.error
      if (token === reportedToken && error === reportedError) return
      if (token !== reportedToken) this.#onChange((reportedToken = token))
      if (error !== reportedError) this.#onValidatorChange((reportedError = error))
      // The form's value or validity changed outside any event Angular saw: the views that
      // show it (this one's ancestors) are checked, zoneless too.
      this.#changes.markForCheck()
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

  /** While the widget has failed the control is invalid: `errors.captcha` is the CaptchaError. */
  validate(): ValidationErrors | null {
    const failure = describeFailure(this.captcha.getState())
    return failure && { captcha: failure.error }
  }
  registerOnValidatorChange(onChange: () => void): void {
    this.#onValidatorChange = onChange
  }
}
