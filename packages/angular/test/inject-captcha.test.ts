import { Component, signal } from '@angular/core'
import { TestBed } from '@angular/core/testing'
import { render, screen } from '@testing-library/angular'
import { describe, expect, it, vi } from 'vitest'
import {
  injectCaptcha,
  PasslineCaptchaDirective,
  provideCaptchaDefaults,
  type InjectedCaptcha,
} from '../src/index'
import { fakeCaptchala, settle } from './test-utils'

// What the next host is created with, and what its injectCaptcha returned.
let options: Parameters<typeof injectCaptcha>[0] = {}
let api!: InjectedCaptcha

// Declared at the top level, where Angular's compiler compiles them ahead of time.
@Component({
  imports: [PasslineCaptchaDirective],
  template: `<div [passlineCaptcha]="captcha" data-testid="widget"></div>
    <output>{{ captcha.status() }}</output>
    <p data-testid="token">{{ captcha.token() ?? 'none' }}</p>`,
})
class Form {
  readonly captcha = injectCaptcha(options)
  constructor() {
    api = this.captcha
  }
}

describe('injectCaptcha', () => {
  it('mounts through the directive, keeps state in signals, and hands out tokens', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    options = { siteKey: 'test_pass', scriptUrl, execution: 'execute' }
    const view = await render(Form)
    await settle()
    expect(screen.getByRole('status').textContent).toBe('ready')
    await expect(api.getToken()).resolves.toBe('pt_fake_1')
    expect(fake.latest().container).toBe(screen.getByTestId('widget'))
    await settle()
    expect(screen.getByTestId('token').textContent).toBe('pt_fake_1')
    expect(api.expiresAt()).toBeGreaterThan(Date.now())
    await expect(api.consume()).resolves.toBe('pt_fake_1')
    expect(api.token()).toBeNull()
    view.fixture.destroy()
    expect(fake.live()).toHaveLength(0)
  })

  it('after a failed load, the next consume() heals by itself and the status signal follows', async () => {
    const { fake, scriptUrl } = fakeCaptchala({ script: 'error' })
    options = { siteKey: 'test_pass', scriptUrl, execution: 'execute', retry: { attempts: 1 } }
    await render(Form)
    await settle()
    expect(api.status()).toBe('error')
    expect(api.error()).toMatchObject({ code: 'script-load-failed' })
    fake.options = {}
    const token = api.consume()
    expect(api.status()).toBe('loading')
    await expect(token).resolves.toBe('pt_fake_1')
    await settle()
    expect(screen.getByRole('status').textContent).toBe('ready')
    expect(api.error()).toBeNull()
  })

  it('tracks a signal of options: language in place, a new siteKey re-creates the widget', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    const language = signal('en')
    const siteKey = signal('test_pass')
    options = () => ({ siteKey: siteKey(), scriptUrl, language: language() })
    await render(Form)
    await settle()
    language.set('ko')
    await settle()
    expect(fake.widgets).toHaveLength(1)
    expect(fake.latest().lang).toBe('ko')
    siteKey.set('test_pass_invisible')
    await settle()
    expect(fake.live().map((widget) => widget.config.appKey)).toEqual(['test_pass_invisible'])
  })

  it('takes provideCaptchaDefaults(); its own options win', async () => {
    const { fake, scriptUrl } = fakeCaptchala()
    options = { language: 'es' }
    await render(Form, {
      providers: [
        provideCaptchaDefaults({ siteKey: 'test_pass', scriptUrl, language: 'de', theme: 'dark' }),
      ],
    })
    await settle()
    expect(fake.latest()).toMatchObject({
      lang: 'es',
      config: { appKey: 'test_pass', theme: 'dark' },
    })
  })

  it('destroyed mid-flight: pending calls settle, no widget, no timer, no late update', async () => {
    vi.useFakeTimers()
    const { fake, scriptUrl } = fakeCaptchala({ verify: 'manual' })
    options = { siteKey: 'test_pass', scriptUrl, refresh: 'manual' }
    const view = await render(Form)
    await vi.advanceTimersByTimeAsync(0)
    const pending = api.getToken()
    const widget = fake.latest()
    widget.solve('pt_a', 30)
    await pending
    const next = api.execute()
    view.fixture.destroy()
    await expect(next).rejects.toMatchObject({ code: 'aborted' })
    widget.solve('pt_late')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.live()).toHaveLength(0)
    expect(vi.getTimerCount()).toBe(0)
    expect(api.token()).toBe('pt_a')
  })

  it('without any siteKey: invalid-options on the first render and from every call', async () => {
    options = {}
    const fixture = TestBed.createComponent(Form)
    expect(() => fixture.detectChanges()).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    )
    await expect(api.getToken()).rejects.toMatchObject({ code: 'invalid-options' })
  })

  it('needs an injection context', () => {
    expect(() => injectCaptcha({ siteKey: 'k' })).toThrow(/injection context/)
  })
})
