import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCaptcha } from '../create-captcha'
import { flush } from '../test-setup'
import type { Captcha, FriendlyCaptchaOptions } from '../types'
import type { FriendlyCaptchaSdk } from './friendlycaptcha'
// Imported up front, so the registry's dynamic import resolves within a flush under fake timers.
import './friendlycaptcha'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

interface FakeFriendlyWidget {
  options: Parameters<FriendlyCaptchaSdk['createWidget']>[0]
  calls: string[]
  /** Fires `frc:<name>` on the widget's element, as the SDK does. */
  emit(name: string, detail?: object): void
}

let installs = 0

/** Answers the site script's tag by defining `window.frcaptcha`, as the real script does. */
function installFakeFriendly(outcome: 'load' | 'error' = 'load') {
  const win = window as { frcaptcha?: FriendlyCaptchaSdk }
  const scriptUrl = `https://friendly.fake/${++installs}/site.min.js`
  const scripts: HTMLScriptElement[] = []
  const widgets: FakeFriendlyWidget[] = []
  const sdk: FriendlyCaptchaSdk = {
    createWidget(options) {
      const widget: FakeFriendlyWidget = {
        options,
        calls: [],
        emit: (name, detail = {}) =>
          options.element.dispatchEvent(new CustomEvent(`frc:${name}`, { detail })),
      }
      widgets.push(widget)
      return {
        start: () => void widget.calls.push('start'),
        reset: () => void widget.calls.push('reset'),
        destroy: () => void widget.calls.push('destroy'),
      }
    },
  }
  const observer = new MutationObserver((records) => {
    for (const node of records.flatMap((record) => [...record.addedNodes])) {
      // A try after a failed one carries a retry mark in its query.
      if (!(node instanceof HTMLScriptElement) || node.src.split('?')[0] !== scriptUrl) continue
      scripts.push(node)
      if (outcome === 'load') win.frcaptcha = sdk
      node.dispatchEvent(new Event(outcome))
    }
  })
  observer.observe(document, { childList: true, subtree: true })
  return {
    scriptUrl,
    scripts,
    widgets,
    latest: () => widgets.at(-1)!,
    restore() {
      observer.disconnect()
      delete win.frcaptcha
    },
  }
}

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function setup(options: Partial<FriendlyCaptchaOptions> = {}, outcome?: 'load' | 'error') {
  const fake = installFakeFriendly(outcome)
  const captcha: Captcha = createCaptcha({
    provider: 'friendlycaptcha',
    siteKey: 'FCMTEST',
    scriptUrl: fake.scriptUrl,
    ...options,
  })
  const container = document.body.appendChild(document.createElement('div'))
  captcha.mount(container)
  cleanups.push(() => {
    captcha.destroy()
    fake.restore()
  })
  return { captcha, fake, container }
}

describe('Friendly Captcha adapter', () => {
  it('loads the site script once and creates the widget in an element of its own', async () => {
    const { captcha, fake, container } = setup({
      theme: 'dark',
      language: 'de',
      apiEndpoint: 'eu',
    })
    await flush()
    expect(fake.scripts).toHaveLength(1)
    expect(captcha.getState().status).toBe('ready')
    const { element, ...options } = fake.latest().options
    expect(options).toEqual({
      sitekey: 'FCMTEST',
      startMode: 'focus',
      apiEndpoint: 'eu',
      language: 'de',
      theme: 'dark',
    })
    expect(element.parentElement).toBe(container)
  })

  it('starts nothing by itself in execute mode, and starts the widget on getToken()', async () => {
    const { captcha, fake } = setup({ execution: 'execute' })
    await flush()
    const widget = fake.latest()
    expect(widget.options.startMode).toBe('none')
    const token = captcha.getToken()
    expect(widget.calls).toEqual(['reset', 'start'])
    widget.emit('widget.complete', { response: 'frc_response', state: 'completed' })
    await expect(token).resolves.toBe('frc_response')
    expect(captcha.getState().expiresAt).toBe(Date.now() + 600_000)
  })

  it('takes the response the widget completes on its own', async () => {
    const { captcha, fake } = setup({ startMode: 'auto' })
    await flush()
    expect(fake.latest().options.startMode).toBe('auto')
    fake.latest().emit('widget.complete', { response: 'auto_response' })
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'auto_response' })
  })

  it('reports its errors as provider-error with their code, and renders anew on the next call', async () => {
    const { captcha, fake } = setup()
    await flush()
    const token = captcha.getToken()
    fake.latest().emit('widget.error', { error: { code: 'sitekey_invalid', detail: '…' } })
    await expect(token).rejects.toMatchObject({
      code: 'provider-error',
      providerCode: 'sitekey_invalid',
    })
    const failed = fake.latest()
    void captcha.getToken().catch(() => {})
    await flush()
    expect(failed.calls).toContain('destroy')
    expect(fake.widgets).toHaveLength(2)
  })

  it('moves to expired on frc:widget.expire', async () => {
    const { captcha, fake } = setup({ refresh: 'never' })
    await flush()
    fake.latest().emit('widget.complete', { response: 'r1' })
    fake.latest().emit('widget.expire')
    expect(captcha.getState()).toMatchObject({ status: 'expired', token: null })
  })

  it('resets the widget on reset(), and renders anew for another theme but not for another margin', async () => {
    const { captcha, fake } = setup()
    await flush()
    captcha.reset()
    expect(fake.latest().calls).toEqual(['reset'])
    captcha.update({ refreshMarginMs: 1000 })
    await flush()
    expect(fake.widgets).toHaveLength(1)
    captcha.update({ theme: 'light' })
    await flush()
    expect(fake.widgets).toHaveLength(2)
    expect(fake.widgets[0]!.calls).toContain('destroy')
    expect(fake.latest().options.theme).toBe('light')
  })

  it('destroys the widget and removes its element on destroy, ignoring its late events', async () => {
    const { captcha, fake, container } = setup()
    await flush()
    const widget = fake.latest()
    const token = captcha.getToken()
    captcha.destroy()
    await expect(token).rejects.toMatchObject({ code: 'destroyed' })
    expect(widget.calls).toContain('destroy')
    expect(container.contains(widget.options.element)).toBe(false)
    widget.emit('widget.complete', { response: 'late' })
    expect(captcha.getState()).toMatchObject({ status: 'idle', token: null })
  })

  it('fails with script-load-failed when the site script does not load', async () => {
    const { captcha, fake } = setup({ retry: { attempts: 2, baseDelayMs: 10 } }, 'error')
    await vi.advanceTimersByTimeAsync(100)
    expect(fake.scripts).toHaveLength(2)
    expect(captcha.getState().error?.code).toBe('script-load-failed')
  })
})
