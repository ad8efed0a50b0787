import {
  CaptchaError,
  captchaTexts,
  createCaptcha,
  describeFailure,
  IDLE_STATE,
  loadCaptchaTexts,
  type Captcha,
  type CaptchaOptions,
  type CaptchaState,
  type CaptchaStatus,
  type GetTokenOptions,
} from '@passline/core'
import { dispatch } from './events'
import { createShadowTree } from './shadow-tree'
import { attributeOf, NUMBER_OPTIONS, PROPERTY_ONLY, readOptions, STRING_OPTIONS } from './options'

// Importing the class on the server must touch no browser global: where there is no
// HTMLElement (Node, an SSR pass) it extends an empty class and is never instantiated.
const ElementBase = (
  typeof HTMLElement === 'undefined' ? class {} : HTMLElement
) as typeof HTMLElement

/**
 * `<passline-captcha>`: a CAPTCHA as a form control. Attributes (and properties) are the
 * core's options; with a `name`, the token is the element's form value, so a plain form
 * submits it; `required` keeps the form invalid until a token is there. Events
 * `passline-verify`, `passline-expire`, `passline-error`, `passline-status`; methods
 * `getToken`, `consume`, `execute`, `reset`, `getState`. The widget renders into a light-DOM
 * child, where every provider's script can reach it. While no widget can be shown it says so
 * in words with a Retry button, in a live region (replace them with `slot="failure"` content),
 * and tries again by itself; a submit blocked by it tries again at once.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- typed accessors, see below
export class PasslineCaptchaElement extends ElementBase {
  static readonly formAssociated = true

  // One accessor per option: `element.siteKey = '…'`, and `getServerToken`/`retry`, which no
  // attribute can carry (a property set to anything but `undefined` wins over its attribute).
  // Then a form control's usual surface: `required` and `disabled` reflect their attributes,
  // the rest is read from ElementInternals.
  static {
    const accessor = (name: string, get: () => unknown, set?: (value: never) => void) =>
      Object.defineProperty(this.prototype, name, { configurable: true, get, set })
    for (const name of [...STRING_OPTIONS, ...NUMBER_OPTIONS, ...PROPERTY_ONLY]) {
      accessor(
        name,
        function (this: PasslineCaptchaElement) {
          return (this.#options() as unknown as Record<string, unknown>)[name]
        },
        function (this: PasslineCaptchaElement, value: unknown) {
          this.#setOption(name, value)
        },
      )
    }
    for (const name of ['required', 'disabled']) {
      accessor(
        name,
        function (this: PasslineCaptchaElement) {
          return this.hasAttribute(name)
        },
        function (this: PasslineCaptchaElement, value: boolean) {
          this.toggleAttribute(name, value)
        },
      )
    }
    for (const name of ['form', 'validity', 'validationMessage', 'willValidate']) {
      accessor(name, function (this: PasslineCaptchaElement) {
        return this.#internals[name as 'form']
      })
    }
  }

  /** Focuses the element (its frame, inside): it is focusable, but takes no Tab stop. */
  override focus(options?: FocusOptions): void {
    this.#frame.focus(options)
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity()
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity()
  }

  static get observedAttributes(): string[] {
    return [...STRING_OPTIONS, ...NUMBER_OPTIONS].map(attributeOf).concat('required')
  }

  readonly #internals: ElementInternals
  readonly #properties = new Map<string, unknown>()
  // The widget's home: a light-DOM child, where every provider's script can reach it.
  readonly #container = document.createElement('div')
  // Focused in the element's place (see createShadowTree), and by native validation.
  readonly #frame: HTMLElement
  readonly #showFailure: ReturnType<typeof createShadowTree>['showFailure']
  #captcha: Captcha | null = null
  #unmount: (() => void) | null = null
  #reportedStatus: CaptchaStatus = 'idle'
  // Work waits for a microtask (#schedule): options set one property at a time, or a move
  // (removed and inserted again in the same task), reach the controller as one change.
  #scheduled = false
  #optionsDirty = false

  constructor() {
    super()
    this.#internals = this.attachInternals()
    const tree = createShadowTree(this, () => this.reset())
    this.#frame = tree.frame
    this.#showFailure = tree.showFailure
    // A submit that native validation blocked because the check failed tries it again now.
    this.addEventListener('invalid', () => {
      if (describeFailure(this.getState())) this.reset()
    })
  }

  connectedCallback(): void {
    // Its child from the first connection on (it moves along with the element).
    if (!this.#container.isConnected) this.append(this.#container)
    this.#schedule()
    this.#syncForm()
    this.#loadTexts()
  }

  disconnectedCallback(): void {
    this.#schedule()
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value) return
    if (name === 'required') this.#syncForm()
    else this.#optionsChanged()
  }

  /** The form was reset: so is the widget, and the value with it (through the state). */
  formResetCallback(): void {
    this.#captcha?.reset()
  }

  /** Disabled (itself or by a fieldset): the widget goes away until enabled again. */
  formDisabledCallback(): void {
    this.#schedule()
  }

  // The controller's calls. Without a site key there is nothing to run: invalid-options.
  execute(options?: Omit<GetTokenOptions, 'minTtlMs'>): Promise<string> {
    return this.#call((captcha) => captcha.execute(options))
  }
  getToken(options?: GetTokenOptions): Promise<string> {
    return this.#call((captcha) => captcha.getToken(options))
  }
  consume(options?: GetTokenOptions): Promise<string> {
    return this.#call((captcha) => captcha.consume(options))
  }
  reset(): void {
    this.#captcha?.reset()
  }
  getState(): CaptchaState {
    return this.#captcha?.getState() ?? IDLE_STATE
  }

  /** The current token, the form value; `null` while there is none. */
  get value(): string | null {
    return this.getState().token
  }

  #setOption(name: string, value: unknown): void {
    if (this.#properties.get(name) === value) return
    this.#properties.set(name, value)
    this.#optionsChanged()
  }

  #options(): CaptchaOptions {
    return readOptions(this, this.#properties)
  }

  #schedule(): void {
    if (this.#scheduled) return
    this.#scheduled = true
    queueMicrotask(() => {
      this.#scheduled = false
      this.#sync()
    })
  }

  /**
   * Brings the controller in line with the element: none while disconnected (a move keeps
   * it); created once there is a site key, told of changed options, its widget mounted
   * unless the element is disabled.
   */
  #sync(): void {
    if (!this.isConnected) return this.#teardown()
    const captcha = this.#captcha ?? this.#create()
    if (!captcha) return
    if (this.#optionsDirty) {
      const next = this.#options()
      if (next.siteKey) captcha.update(next)
      // The words (and the validation message) follow a new language.
      this.#loadTexts()
      this.#syncForm()
    }
    this.#optionsDirty = false
    if (this.matches(':disabled')) this.#stopWidget()
    else this.#unmount ??= captcha.mount(this.#container)
  }

  #create(): Captcha | null {
    const options = this.#options()
    if (!options.siteKey) return null
    let captcha: Captcha
    try {
      captcha = createCaptcha(options)
    } catch (error) {
      // Options the core refuses (an unknown provider): told, and nothing runs.
      dispatch(this, 'passline-error', error as CaptchaError)
      return null
    }
    this.#captcha = captcha
    // The controller lives until the teardown destroys it, and these listeners with it.
    captcha.subscribe((state) => this.#onState(state))
    captcha.on('verify', (token) => dispatch(this, 'passline-verify', token))
    captcha.on('expire', () => dispatch(this, 'passline-expire'))
    captcha.on('error', (error) => dispatch(this, 'passline-error', error))
    return captcha
  }

  #call(run: (captcha: Captcha) => Promise<string>): Promise<string> {
    const captcha = this.#captcha ?? this.#create()
    if (!captcha) return Promise.reject(new CaptchaError('invalid-options'))
    return run(captcha)
  }

  /** Called only for a real change: an attribute's new value, a property's new value. */
  #optionsChanged(): void {
    this.#optionsDirty = true
    this.#schedule()
  }

  /** The language's texts, then the words shown again in it if they just arrived. */
  #loadTexts(): void {
    void loadCaptchaTexts(this.#options().language).then((arrived) => arrived && this.#syncForm())
  }

  #onState(state: CaptchaState): void {
    // Again with each failure: the first load may have met the same dead network.
    if (describeFailure(state)) this.#loadTexts()
    this.#syncForm(state)
    if (state.status === this.#reportedStatus) return
    this.#reportedStatus = state.status
    dispatch(this, 'passline-status', state.status)
  }

  /**
   * The token is the form value; `required` without one is `valueMissing`, with a message that
   * says what failed when something did; the failure's words are shown in the live region.
   */
  #syncForm(state: CaptchaState = this.getState()): void {
    const { language } = this.#options()
    const failure = describeFailure(state, language)
    this.#showFailure(failure)
    this.#internals.setFormValue(state.token)
    // With every flag false the message is dropped and the element is valid.
    this.#internals.setValidity(
      { valueMissing: this.required && !state.token },
      failure?.message ?? captchaTexts(language).required,
      // Focused to show that message: the element's frame, not a Tab stop of its own.
      this.#frame,
    )
  }

  #stopWidget(): void {
    this.#unmount?.()
    this.#unmount = null
  }

  #teardown(): void {
    // Unmounted first, so calls still waiting settle with `aborted`.
    this.#stopWidget()
    // Its last state, idle, clears the value and is reported (through the subscription).
    this.#captcha?.destroy()
    this.#captcha = null
  }
}

// The types of the accessors the static blocks define: every provider's options (optional)
// and the form control's surface.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- merged into the class
export interface PasslineCaptchaElement extends Partial<AllOptions> {
  required: boolean
  disabled: boolean
  readonly form: HTMLFormElement | null
  readonly validity: ValidityState
  readonly validationMessage: string
  readonly willValidate: boolean
}

/** Every provider's options in one bag, as an element's properties. */
type AllOptions = {
  [K in OptionName]: DistributedValue<K>
}
type OptionName =
  | 'siteKey'
  | 'provider'
  | 'action'
  | 'language'
  | 'theme'
  | 'execution'
  | 'refresh'
  | 'scriptUrl'
  | 'nonce'
  | 'product'
  | 'serverToken'
  | 'cData'
  | 'appearance'
  | 'size'
  | 'rqdata'
  | 'version'
  | 'badge'
  | 'refreshMarginMs'
  | 'tokenTtlMs'
  | 'loadTimeoutMs'
  | 'readyTimeoutMs'
  | 'mountTimeoutMs'
  | 'getServerToken'
  | 'retry'
type DistributedValue<K extends string> = CaptchaOptions extends infer O
  ? O extends unknown
    ? K extends keyof O
      ? O[K]
      : never
    : never
  : never
