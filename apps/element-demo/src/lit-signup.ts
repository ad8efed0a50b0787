// The signup form as a Lit component: <passline-captcha> bound the Lit way — attributes,
// `.property=${…}` for what attributes cannot carry, `@event=${…}` for its events — inside a
// plain form that the browser posts. CaptchaLa's embedded widget, the page's first key.
import '@passline/element/define'
import type { CaptchaStatus, PasslineCaptchaElement } from '@passline/element'
import { html, LitElement } from 'lit'
import { loadDemoConfig, signupOutcome, type DemoConfig } from './signup'

const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined

export class SignupForm extends LitElement {
  // Reactive state, declared without class fields so Lit's accessors stay in place.
  static override properties = {
    config: { state: true },
    status: { state: true },
    result: { state: true },
  }
  declare private config: DemoConfig | null
  declare private status: CaptchaStatus
  declare private result: string

  constructor() {
    super()
    this.config = null
    this.status = 'idle'
    this.result = signupOutcome()?.message ?? ''
  }

  // Rendered in the light DOM: the provider's widget styles live in the document.
  protected override createRenderRoot() {
    return this
  }

  override connectedCallback() {
    super.connectedCallback()
    void loadDemoConfig().then((config) => (this.config = config))
  }

  override render() {
    if (!this.config) return html`<p>Loading…</p>`
    const { scriptUrl, siteKeys } = this.config.providers.captchala
    return html`
      <form id="signup" method="post" action="/api/signup">
        <label>Email <input name="email" type="email" value="ada@example.com" required /></label>
        <input type="hidden" name="provider" value="captchala" />
        <input type="hidden" name="siteKey" .value=${siteKeys[0]!.key} />
        <passline-captcha
          id="captcha"
          class="captcha"
          name="captchaToken"
          required
          action="signup"
          language="en"
          site-key=${siteKeys[0]!.key}
          .scriptUrl=${scriptUrl}
          .nonce=${nonce}
          @passline-status=${(event: CustomEvent<CaptchaStatus>) => (this.status = event.detail)}
        ></passline-captcha>
        <button id="submit" type="submit">Create account</button>
      </form>
      <p id="status" role="status">Captcha: ${this.status}</p>
      <p id="result" role="alert">${this.result}</p>
    `
  }

  /** The element, for scripts that want its methods (`getState()`, `reset()`…). */
  get captcha(): PasslineCaptchaElement | null {
    return this.querySelector('passline-captcha')
  }
}

customElements.define('signup-form', SignupForm)

declare global {
  interface HTMLElementTagNameMap {
    'signup-form': SignupForm
  }
}
