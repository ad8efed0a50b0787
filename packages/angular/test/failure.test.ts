// After a failed load the component says so where the widget would be, with a Retry button,
// tells the form (errors.captcha), and comes back by itself.
import { Component, signal } from '@angular/core'
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms'
import { render, screen } from '@testing-library/angular'
import { describe, expect, it, vi } from 'vitest'
import { PasslineCaptchaComponent, PasslineCaptchaFailureDirective } from '../src/index'
import { fakeCaptchala, settle } from './test-utils'

// What the next host is created with. Hosts are declared at the top level, where Angular's
// compiler compiles them ahead of time.
let scriptUrl = ''
let language = 'en'

@Component({
  imports: [PasslineCaptchaComponent, ReactiveFormsModule],
  template: `<form [formGroup]="form">
    <ngx-passline-captcha
      formControlName="captchaToken"
      siteKey="test_pass"
      [scriptUrl]="scriptUrl"
      [language]="language()"
      [options]="{ retry: { attempts: 1 } }"
    />
    <p data-testid="errors">{{ form.controls.captchaToken.errors?.['captcha']?.code ?? '' }}</p>
  </form>`,
})
class SignupForm {
  readonly scriptUrl = scriptUrl
  readonly language = signal(language)
  readonly form = new FormGroup({
    captchaToken: new FormControl<string | null>(null, Validators.required),
  })
}

@Component({
  imports: [PasslineCaptchaComponent, PasslineCaptchaFailureDirective],
  template: `<ngx-passline-captcha
    siteKey="test_pass"
    [scriptUrl]="scriptUrl"
    [options]="{ retry: { attempts: 1 } }"
  >
    <ng-template passlineCaptchaFailure let-failure let-retry="retry">
      <p>
        {{ failure.error.code }}: {{ failure.message }}
        <button type="button" (click)="retry()">Reload the check</button>
      </p>
    </ng-template>
  </ngx-passline-captcha>`,
})
class CustomFailure {
  readonly scriptUrl = scriptUrl
}

const region = () => screen.getByRole('status')
const words = () => region().textContent!.replace(/\s+/g, ' ').trim()

describe('<ngx-passline-captcha> after a failed load', () => {
  it('says so in its live region with a Retry button, and the form has errors.captcha', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala({ script: 'error' })
    scriptUrl = url
    const view = await render(SignupForm)
    await settle()
    expect(words()).toBe('The security check could not load. Try again')
    const form = view.fixture.componentInstance.form
    expect(form.controls.captchaToken.errors).toMatchObject({
      required: true,
      captcha: { code: 'script-load-failed' },
    })
    expect(screen.getByTestId('errors').textContent).toBe('script-load-failed')

    fake.options = {}
    screen.getByRole('button', { name: 'Try again' }).click()
    await settle()
    expect(words()).toBe('')
    expect(fake.live()).toHaveLength(1)
    expect(form.controls.captchaToken.errors).toEqual({ required: true })
    fake.latest().solve('pt_after_retry', 60)
    await settle()
    expect(form.valid).toBe(true)
  })

  it('heals by itself: the words and the error go once the widget is back', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl: url } = fakeCaptchala({ script: 'error' })
    scriptUrl = url
    const view = await render(SignupForm)
    await vi.advanceTimersByTimeAsync(0)
    view.fixture.detectChanges()
    expect(words()).toMatch(/could not load/)
    fake.options = {}
    await vi.advanceTimersByTimeAsync(1000)
    view.fixture.detectChanges()
    expect(words()).toBe('')
    expect(view.fixture.componentInstance.form.controls.captchaToken.errors).toEqual({
      required: true,
    })
  })

  it('speaks its language once that table has loaded', async () => {
    const { scriptUrl: url } = fakeCaptchala({ script: 'error' })
    scriptUrl = url
    language = 'zh-CN'
    try {
      const view = await render(SignupForm)
      await vi.waitFor(async () => {
        await settle()
        view.fixture.detectChanges()
        expect(words()).toBe('安全验证无法加载。 重试')
      })
    } finally {
      language = 'en'
    }
  })

  it('shows a passlineCaptchaFailure template instead, given the failure and a retry', async () => {
    const { fake, scriptUrl: url } = fakeCaptchala({ script: 'error' })
    scriptUrl = url
    await render(CustomFailure)
    await settle()
    expect(words()).toBe('script-load-failed: The security check could not load. Reload the check')
    fake.options = {}
    screen.getByText('Reload the check').click()
    await settle()
    expect(words()).toBe('')
  })
})
