// The tests run in order: the first two load the widget's script (the element is not defined
// yet), every later one finds `<altcha-widget>` defined, as a page that bundles ALTCHA does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCaptcha } from '../create-captcha'
import { flush } from '../test-setup'
import type { AltchaOptions, Captcha } from '../types'
import { answerScripts, FakeWidgetElement, uniqueScriptUrl } from './fake-custom-element'
// Imported up front, so the registry's dynamic import resolves within a flush under fake timers.
import './altcha'

class FakeAltcha extends FakeWidgetElement {
  /** Set: the next widgets never say `load` by themselves. */
  static silent = false
  connectedCallback() {
    // Svelte mounts the widget, then ALTCHA says `load`.
    if (!FakeAltcha.silent) queueMicrotask(() => this.emit('load'))
  }
  verify() {
    this.calls.push('verify')
    return Promise.resolve(null)
  }
  reset() {
    this.calls.push('reset')
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const CHALLENGE_URL = 'https://shop.example/api/altcha/challenge'
const payload = (expiresAt?: number) =>
  btoa(JSON.stringify({ challenge: { parameters: { expiresAt }, signature: 'sig' }, solution: {} }))

const captchas: Captcha[] = []
afterEach(() => {
  for (const captcha of captchas.splice(0)) captcha.destroy()
})

function setup(options: Partial<AltchaOptions> = {}, outcome: 'load' | 'error' = 'load') {
  const scriptUrl = uniqueScriptUrl('altcha')
  const scripts = answerScripts(scriptUrl, 'altcha-widget', FakeAltcha, outcome)
  const captcha = createCaptcha({
    provider: 'altcha',
    siteKey: CHALLENGE_URL,
    scriptUrl,
    ...options,
  })
  captchas.push(captcha)
  const container = document.body.appendChild(document.createElement('div'))
  captcha.mount(container)
  const widget = () => container.querySelector('altcha-widget') as FakeAltcha
  return { captcha, scripts, container, widget }
}

describe('ALTCHA adapter', () => {
  it('fails with script-load-failed when the widget script does not load, after each try', async () => {
    const { captcha, scripts } = setup({ retry: { attempts: 2, baseDelayMs: 10 } }, 'error')
    await vi.advanceTimersByTimeAsync(100)
    expect(scripts.tags).toHaveLength(2)
    expect(captcha.getState().error?.code).toBe('script-load-failed')
  })

  it('loads the widget once, as a module with the nonce, and renders <altcha-widget> on its challenge URL', async () => {
    const first = setup({ nonce: 'n0nce', language: 'de' })
    await flush()
    expect(first.scripts.tags).toHaveLength(1)
    expect(first.scripts.tags[0]!.type).toBe('module')
    expect(first.scripts.tags[0]!.getAttribute('nonce')).toBe('n0nce')
    expect(first.captcha.getState().status).toBe('ready')
    const element = first.widget()
    expect(element).toBeInstanceOf(FakeAltcha)
    expect(element.getAttribute('challenge')).toBe(CHALLENGE_URL)
    expect(element.getAttribute('language')).toBe('de')
    // Passline starts each challenge itself.
    expect(element.getAttribute('auto')).toBe('off')
    expect(element.hasAttribute('display')).toBe(false)
  })

  it('uses an <altcha-widget> the page defined already, loading nothing', async () => {
    const { captcha, scripts, widget } = setup({ execution: 'execute' })
    await flush()
    expect(scripts.tags).toHaveLength(0)
    expect(captcha.getState().status).toBe('ready')
    expect(widget().getAttribute('display')).toBe('invisible')
  })

  it('waits for the widget to say load before it is ready', async () => {
    FakeAltcha.silent = true
    try {
      const { captcha, widget } = setup()
      await flush()
      expect(captcha.getState().status).toBe('loading')
      widget().emit('load')
      expect(captcha.getState().status).toBe('ready')
    } finally {
      FakeAltcha.silent = false
    }
  })

  it('hands out the payload, living until the challenge expires', async () => {
    const { captcha, widget } = setup()
    await flush()
    const token = captcha.getToken()
    expect(widget().calls).toEqual(['reset', 'verify'])
    expect(captcha.getState().status).toBe('solving')
    const expiresAt = Math.floor(Date.now() / 1000) + 300
    widget().emit('verified', { payload: payload(expiresAt) })
    await expect(token).resolves.toBe(payload(expiresAt))
    expect(captcha.getState().expiresAt).toBe(expiresAt * 1000)
  })

  it('gives a payload without an expiry the 10 minutes of ALTCHA’s own server plugins', async () => {
    const { captcha, widget } = setup()
    await flush()
    widget().emit('verified', { payload: payload() })
    expect(captcha.getState()).toMatchObject({
      status: 'verified',
      expiresAt: Date.now() + 600_000,
    })
  })

  it('reports a failed challenge, and runs the same widget again on the next call', async () => {
    const { captcha, widget } = setup({ execution: 'execute' })
    await flush()
    const first = captcha.getToken()
    widget().emit('statechange', { state: 'verifying' })
    widget().emit('statechange', { state: 'error' })
    await expect(first).rejects.toMatchObject({ code: 'challenge-failed', providerCode: 'error' })
    const element = widget()
    const second = captcha.getToken()
    expect(widget()).toBe(element)
    expect(element.calls).toEqual(['reset', 'verify', 'reset', 'verify'])
    element.emit('verified', { payload: payload() })
    await expect(second).resolves.toBe(payload())
  })

  it('moves to expired when the payload’s challenge expires', async () => {
    const { captcha, widget } = setup({ refresh: 'never' })
    await flush()
    const expire = vi.fn()
    captcha.on('expire', expire)
    widget().emit('verified', { payload: payload() })
    widget().emit('expired')
    expect(captcha.getState()).toMatchObject({ status: 'expired', token: null })
    expect(expire).toHaveBeenCalledOnce()
  })

  it('refreshes before the payload expires, keeping the old one meanwhile', async () => {
    const { captcha, widget } = setup()
    await flush()
    const expiresAt = Math.floor(Date.now() / 1000) + 300
    widget().emit('verified', { payload: payload(expiresAt) })
    await vi.advanceTimersByTimeAsync(300_000 - 30_000)
    expect(widget().calls).toEqual(['reset', 'verify'])
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: payload(expiresAt) })
  })

  it('fails a call whose challenge expired while it was being solved', async () => {
    const { captcha, widget } = setup()
    await flush()
    const token = captcha.getToken()
    widget().emit('expired')
    await expect(token).rejects.toMatchObject({
      code: 'expired',
      providerCode: 'challenge-expired',
    })
  })

  it('resets the widget on reset(), and renders anew for another language', async () => {
    const { captcha, widget } = setup({ language: 'en' })
    await flush()
    const first = widget()
    captcha.reset()
    expect(first.calls).toEqual(['reset'])
    captcha.update({ language: 'fr' })
    await flush()
    expect(first.isConnected).toBe(false)
    expect(widget().getAttribute('language')).toBe('fr')
    // Not a widget attribute: the widget stays.
    const second = widget()
    captcha.update({ refreshMarginMs: 5000 })
    await flush()
    expect(widget()).toBe(second)
  })

  it('removes the widget on destroy, settles pending calls, and ignores its late events', async () => {
    const { captcha, widget, container } = setup()
    await flush()
    const element = widget()
    const token = captcha.getToken()
    captcha.destroy()
    await expect(token).rejects.toMatchObject({ code: 'destroyed' })
    expect(container.contains(element)).toBe(false)
    element.emit('verified', { payload: payload() })
    expect(captcha.getState()).toMatchObject({ status: 'idle', token: null })
  })
})
