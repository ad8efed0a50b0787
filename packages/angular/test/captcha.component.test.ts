import { Component, signal, viewChild } from '@angular/core'
import {
  FormControl,
  FormGroup,
  FormsModule,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms'
import { render, screen } from '@testing-library/angular'
import { describe, expect, it, vi } from 'vitest'
import {
  PasslineCaptchaComponent,
  provideCaptchaDefaults,
  type CaptchaError,
  type CaptchaStatus,
} from '../src/index'
import { fakeCaptchala, settle } from './test-utils'

// What the next host is created with. Hosts are declared at the top level, where Angular's
// compiler compiles them ahead of time.
let scriptUrl = ''
const events: {
  verify: string[]
  status: CaptchaStatus[]
  errors: CaptchaError[]
  expired: number
} = { verify: [], status: [], errors: [], expired: 0 }

@Component({
  imports: [PasslineCaptchaComponent],
  template: `<ngx-passline-captcha
    #captcha
    siteKey="test_pass"
    [scriptUrl]="scriptUrl"
    [theme]="theme()"
    [options]="{ refresh: 'never' }"
    (verify)="events.verify.push($event)"
    (statusChange)="events.status.push($event)"
    (error)="events.errors.push($event)"
    (expire)="events.expired = events.expired + 1"
  />`,
})
class Outputs {
  readonly scriptUrl = scriptUrl
  readonly theme = signal<'light' | 'dark'>('light')
  readonly events = events
  readonly captcha = viewChild.required<PasslineCaptchaComponent>('captcha')
}

@Component({
  imports: [PasslineCaptchaComponent, ReactiveFormsModule],
  template: `<form [formGroup]="form">
      <input formControlName="email" />
      <ngx-passline-captcha formControlName="captcha" siteKey="test_pass" [scriptUrl]="scriptUrl" />
    </form>
    <output data-testid="validity">{{ form.valid ? 'valid' : 'invalid' }}</output>`,
})
class ReactiveSignup {
  readonly scriptUrl = scriptUrl
  readonly form = new FormGroup({
    email: new FormControl('ada@example.com'),
    captcha: new FormControl<string | null>(null, Validators.required),
  })
}

@Component({
  imports: [PasslineCaptchaComponent, FormsModule],
  template: `<form #signup="ngForm">
    <ngx-passline-captcha
      name="captcha"
      [(ngModel)]="token"
      required
      siteKey="test_pass"
      [scriptUrl]="scriptUrl"
    />
    <output data-testid="validity">{{ signup.valid ? 'valid' : 'invalid' }}</output>
  </form>`,
})
class TemplateSignup {
  readonly scriptUrl = scriptUrl
  token: string | null = null
}

@Component({
  imports: [PasslineCaptchaComponent],
  template: `<ngx-passline-captcha action="login" />`,
})
class WithDefaults {}

describe('<ngx-passline-captcha>', () => {
  it('renders into its first child, reports verify and status changes, and re-renders for a new theme', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala({ verify: 'manual' })
    scriptUrl = url
    Object.assign(events, { verify: [], status: [], errors: [], expired: 0 })
    const view = await render(Outputs)
    await settle()
    const host = view.container.querySelector('ngx-passline-captcha')!
    expect(host.hasAttribute('data-passline-captcha')).toBe(true)
    // The widget renders into the component's first child; the live region follows it.
    expect(fake.latest().container).toBe(host.firstElementChild)
    expect(host.lastElementChild!.getAttribute('role')).toBe('status')
    fake.latest().solve('pt_component', 60)
    await settle()
    expect(events.verify).toEqual(['pt_component'])
    expect(events.status).toEqual(['loading', 'ready', 'verified'])
    view.fixture.componentInstance.theme.set('dark')
    await settle()
    expect(fake.live().map((widget) => widget.config.theme)).toEqual(['dark'])
    view.fixture.destroy()
    expect(fake.live()).toHaveLength(0)
  })

  it('emits error and expire', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala({ verify: 'manual' })
    scriptUrl = url
    Object.assign(events, { verify: [], status: [], errors: [], expired: 0 })
    await render(Outputs)
    await settle()
    fake.latest().fail('invalid_app_key')
    expect(events.errors[0]).toMatchObject({
      code: 'provider-error',
      providerCode: 'invalid_app_key',
    })
    fake.latest().solve('pt_short', 0.05)
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(events.expired).toBe(1)
  })

  it('gives its captcha through viewChild: execute, getToken, consume, reset, getState', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala({ verify: 'manual' })
    scriptUrl = url
    const view = await render(Outputs)
    await settle()
    const { captcha } = view.fixture.componentInstance.captcha()
    const token = captcha.getToken()
    fake.latest().solve('pt_handle')
    await expect(token).resolves.toBe('pt_handle')
    await expect(captcha.consume()).resolves.toBe('pt_handle')
    expect(captcha.getState()).toMatchObject({ token: null })
    captcha.reset()
    const next = captcha.execute()
    fake.latest().solve('pt_next')
    await expect(next).resolves.toBe('pt_next')
  })

  it('is a form control: Validators.required until solved, the token as value, reset by form.reset()', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala({ verify: 'manual' })
    scriptUrl = url
    const view = await render(ReactiveSignup)
    const { form } = view.fixture.componentInstance
    await settle()
    expect(form.valid).toBe(false)
    expect(form.controls.captcha.hasError('required')).toBe(true)
    expect(form.controls.captcha.pristine).toBe(true)

    expect(screen.getByTestId('validity').textContent).toBe('invalid')
    fake.latest().solve('pt_form', 60)
    await settle()
    expect(form.value).toEqual({ email: 'ada@example.com', captcha: 'pt_form' })
    expect(form.valid).toBe(true)
    // Zoneless: the view shows it too, in the change detection the token caused.
    expect(screen.getByTestId('validity').textContent).toBe('valid')
    expect(form.controls.captcha.dirty).toBe(true)
    expect(form.controls.captcha.touched).toBe(true)

    form.reset()
    await settle()
    expect(form.controls.captcha.value).toBeNull()
    expect(fake.latest().resetCalls).toBeGreaterThan(0)
    expect(form.valid).toBe(false)
  })

  it('a disabled control shows no widget; enabled again, it does', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala()
    scriptUrl = url
    const view = await render(ReactiveSignup)
    const { form } = view.fixture.componentInstance
    await settle()
    expect(fake.live()).toHaveLength(1)
    form.controls.captcha.disable()
    await settle()
    expect(fake.live()).toHaveLength(0)
    expect(form.valid).toBe(true)
    form.controls.captcha.enable()
    await settle()
    expect(fake.live()).toHaveLength(1)
  })

  it('works in template-driven forms with [(ngModel)] and required', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala({ verify: 'manual' })
    scriptUrl = url
    const view = await render(TemplateSignup)
    await settle()
    expect(screen.getByTestId('validity').textContent).toBe('invalid')
    fake.latest().solve('pt_model', 60)
    await settle()
    expect(view.fixture.componentInstance.token).toBe('pt_model')
    expect(screen.getByTestId('validity').textContent).toBe('valid')
  })

  it('takes provideCaptchaDefaults(), and its inputs win', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala()
    await render(WithDefaults, {
      providers: [provideCaptchaDefaults({ siteKey: 'test_pass', scriptUrl: url, nonce: 'n2' })],
    })
    await settle()
    expect(fake.latest().config).toMatchObject({ appKey: 'test_pass', action: 'login' })
    expect(document.querySelector('script')!.getAttribute('nonce')).toBe('n2')
    vi.restoreAllMocks()
  })
})
