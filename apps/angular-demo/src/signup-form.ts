import { Component, computed, input, signal, viewChild } from '@angular/core'
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms'
import { isCaptchaError, PasslineCaptchaComponent } from '@passline/angular'
import {
  captchaProblem,
  flowOptions,
  pageSettings,
  PROVIDERS,
  reloadWith,
  sharedOptions,
  submitSignup,
  type DemoConfig,
  type PageSettings,
  type Theme,
} from './signup'

const LANGUAGES = ['auto', 'en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es', 'fr', 'de']
// Vite puts the page's CSP nonce here; the loader and what it loads carry it on.
const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined

/** The select's new value, from its change event. */
const valueOf = (event: Event) => (event.target as HTMLSelectElement).value

@Component({
  selector: 'app-signup-form',
  imports: [ReactiveFormsModule, PasslineCaptchaComponent],
  template: `
    <form id="signup" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <label>Email <input name="email" type="email" formControlName="email" /></label>
      <div class="settings">
        <label>
          Provider
          <select id="provider" (change)="reload('provider', $event)">
            @for (entry of providers; track entry.name) {
              <option [value]="entry.name" [selected]="entry.name === settings().provider">
                {{ entry.label }}
              </option>
            }
          </select>
        </label>
        <label>
          Flow
          <select id="mode" (change)="reload('mode', $event)">
            <option value="embed" [selected]="settings().mode === 'embed'">Embedded widget</option>
            <option
              value="bind"
              [selected]="settings().mode === 'bind'"
              [disabled]="settings().provider !== 'captchala'"
            >
              Popup on the submit button
            </option>
            <option value="invisible" [selected]="settings().mode === 'invisible'">
              Invisible, on submit
            </option>
          </select>
        </label>
        <label>
          Key
          <select id="app-key" (change)="reload('key', $event)">
            @for (entry of config().providers[settings().provider].siteKeys; track entry.key) {
              <option [value]="entry.key" [selected]="entry.key === settings().siteKey.key">
                {{ entry.label }}
              </option>
            }
          </select>
        </label>
        <label>
          Language
          <select id="language" (change)="language.set(valueOf($event))">
            @for (tag of languages; track tag) {
              <option [selected]="tag === language()">{{ tag }}</option>
            }
          </select>
        </label>
        <label>
          Theme
          <select id="theme" (change)="theme.set($any(valueOf($event)))">
            @for (name of themes; track name) {
              <option [selected]="name === theme()">{{ name }}</option>
            }
          </select>
        </label>
      </div>
      <!-- The form control: its value is the token, required until the person solves it. -->
      <ngx-passline-captcha
        #main
        id="captcha"
        class="captcha"
        formControlName="captchaToken"
        action="signup"
        [provider]="shared().provider"
        [siteKey]="shared().siteKey"
        [scriptUrl]="shared().scriptUrl"
        [language]="shared().language"
        [theme]="shared().theme"
        [nonce]="shared().nonce"
        [execution]="flow().execution"
        [serverToken]="serverToken()"
        [options]="extraOptions()"
      />
      <button id="submit" type="submit">Create account</button>
    </form>
    <p id="status" role="status">Captcha: {{ status() }}{{ problem() }}</p>
    <p id="result" role="alert">{{ result() }}</p>
    <p id="form-state">The form is {{ form.valid ? 'valid' : 'invalid' }}.</p>
    <!-- For the "twenty widgets, one script" check: extra widgets sharing the page's one load. -->
    <div id="extra-widgets" class="extra">
      @for (index of extraWidgets(); track index) {
        <ngx-passline-captcha
          [provider]="shared().provider"
          [siteKey]="shared().siteKey"
          [scriptUrl]="shared().scriptUrl"
          [nonce]="shared().nonce"
          [action]="'extra-' + index"
        />
      }
    </div>
  `,
})
export class SignupForm {
  readonly config = input.required<DemoConfig>()

  protected readonly providers = PROVIDERS
  protected readonly languages = LANGUAGES
  protected readonly themes: Theme[] = ['auto', 'light', 'dark']
  protected readonly valueOf = valueOf

  // The flow, provider and key are read once: changing them reloads the page.
  protected readonly settings = computed<PageSettings>(() => pageSettings(this.config()))
  protected readonly language = signal('')
  protected readonly theme = signal<Theme>('auto')
  protected readonly serverToken = signal<string | undefined>(undefined)
  protected readonly result = signal('')

  protected readonly form = new FormGroup({
    email: new FormControl('ada@example.com', { nonNullable: true }),
    captchaToken: new FormControl<string | null>(null, Validators.required),
  })

  protected readonly shared = computed(() =>
    sharedOptions(this.settings(), this.config(), {
      language: this.language() || this.settings().language,
      theme: this.theme(),
      nonce,
    }),
  )
  protected readonly flow = computed(() => flowOptions(this.settings().mode))
  // CaptchaLa's popup opens from the submit: the component cannot bind it to the button.
  protected readonly extraOptions = computed(() => ({
    ...(this.settings().siteKey.version ? { version: this.settings().siteKey.version } : {}),
    ...(this.settings().mode === 'bind' ? { product: 'popup' as const } : {}),
  }))
  protected readonly extraWidgets = computed(() =>
    Array.from({ length: this.settings().extraWidgets }, (_, index) => index),
  )

  private readonly main = viewChild<PasslineCaptchaComponent>('main')
  protected readonly status = computed(() => this.main()?.captcha.status() ?? 'idle')
  protected readonly problem = computed(() => {
    const error = this.main()?.captcha.error()
    return error ? ` (${error.code}) — ${captchaProblem(error.code)}` : ''
  })

  constructor() {
    queueMicrotask(() => this.theme.set(this.settings().theme))
  }

  protected reload(name: string, event: Event) {
    reloadWith(name, valueOf(event))
  }

  protected async submit() {
    const email = this.form.controls.email.value
    this.result.set('Checking…')
    try {
      // Tokens are single-use: consume() hands one out and readies the widget for the next
      // try (the control goes back to null). An unsolved widget waits for the person here.
      const token = await this.main()!.captcha.consume({ minTtlMs: 2000 })
      const outcome = await submitSignup(email, token, this.settings())
      this.result.set(outcome.message)
      // Escalation: the backend wants a challenge solved with the server token it issued.
      if (outcome.serverToken) this.serverToken.set(outcome.serverToken)
    } catch (error) {
      // Nothing to undo: the form keeps what was typed, and the next submit starts afresh.
      this.result.set(isCaptchaError(error) ? captchaProblem(error.code) : String(error))
    }
  }
}
