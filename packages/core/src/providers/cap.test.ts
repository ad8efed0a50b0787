// The tests run in order: the first two load the widget's script (the element is not defined
// yet), every later one finds `<cap-widget>` defined, as a page that bundles Cap does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCaptcha } from '../create-captcha'
import { flush } from '../test-setup'
import type { Captcha, CapOptions } from '../types'
import { answerScripts, FakeWidgetElement, uniqueScriptUrl } from './fake-custom-element'
// Imported up front, so the registry's dynamic import resolves within a flush under fake timers.
import './cap'

/** As Cap's widget: `reset()` dispatches `reset` at once, and so does leaving the page. */
class FakeCap extends FakeWidgetElement {
  solve() {
    this.calls.push('solve')
    return Promise.reject(new Error('Cap rejects a failed solve after its error event'))
  }
  reset() {
    this.calls.push('reset')
    this.emit('reset', {}, true)
  }
  disconnectedCallback() {
    this.reset()
  }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const ENDPOINT = 'https://shop.example/api/cap/'

const captchas: Captcha[] = []
afterEach(() => {
  for (const captcha of captchas.splice(0)) captcha.destroy()
})

function setup(options: Partial<CapOptions> = {}, outcome: 'load' | 'error' = 'load') {
  const scriptUrl = uniqueScriptUrl('cap')
  const scripts = answerScripts(scriptUrl, 'cap-widget', FakeCap, outcome)
  const captcha = createCaptcha({ provider: 'cap', siteKey: ENDPOINT, scriptUrl, ...options })
  captchas.push(captcha)
  const container = document.body.appendChild(document.createElement('div'))
  captcha.mount(container)
  const widget = () => container.querySelector('cap-widget') as FakeCap
  return { captcha, scripts, container, widget }
}

describe('Cap adapter', () => {
  it('fails with script-load-failed when the widget script does not load, after each try', async () => {
    const { captcha, scripts } = setup({ retry: { attempts: 2, baseDelayMs: 10 } }, 'error')
    await vi.advanceTimersByTimeAsync(100)
    expect(scripts.tags).toHaveLength(2)
    expect(captcha.getState().error?.code).toBe('script-load-failed')
  })

  it('loads the widget once as a classic script with the nonce, and renders <cap-widget> on its endpoint', async () => {
    const { captcha, scripts, widget } = setup({ nonce: 'n0nce', language: 'de' })
    await flush()
    expect(scripts.tags).toHaveLength(1)
    expect(scripts.tags[0]!.type).toBe('')
    expect(scripts.tags[0]!.getAttribute('nonce')).toBe('n0nce')
    expect(captcha.getState().status).toBe('ready')
    expect(widget()).toBeInstanceOf(FakeCap)
    expect(widget().getAttribute('data-cap-api-endpoint')).toBe(ENDPOINT)
    expect(widget().getAttribute('data-cap-lang')).toBe('de')
    expect(widget().style.display).toBe('')
  })

  it('uses a <cap-widget> the page defined already, hidden in execute mode, loading nothing', async () => {
    const { captcha, scripts, widget } = setup({ execution: 'execute' })
    await flush()
    expect(scripts.tags).toHaveLength(0)
    expect(captcha.getState().status).toBe('ready')
    expect(widget().style.display).toBe('none')
  })

  it('solves on getToken() and hands out the redeemed token, valid for 20 minutes', async () => {
    const { captcha, widget } = setup()
    await flush()
    const token = captcha.getToken()
    expect(widget().calls).toEqual(['reset', 'solve'])
    expect(captcha.getState().status).toBe('solving')
    widget().emit('solve', { token: 'id:vertoken' }, true)
    await expect(token).resolves.toBe('id:vertoken')
    expect(captcha.getState().expiresAt).toBe(Date.now() + 1_200_000)
  })

  it('maps a refused solution to challenge-failed and a broken set-up to provider-error', async () => {
    const { captcha, widget } = setup({ execution: 'execute' })
    await flush()
    const first = captcha.getToken()
    widget().emit(
      'error',
      { isCap: true, code: 'invalid_solution', message: 'Invalid solution' },
      true,
    )
    await expect(first).rejects.toMatchObject({
      code: 'challenge-failed',
      providerCode: 'invalid_solution',
    })
    // The widget survives a refused solution: the next call runs it again.
    const element = widget()
    const second = captcha.getToken()
    expect(widget()).toBe(element)
    element.emit('error', { isCap: true, code: 'network_error', message: 'offline' }, true)
    await expect(second).rejects.toMatchObject({
      code: 'provider-error',
      providerCode: 'network_error',
    })
  })

  it('takes the widget resetting itself as the token expiring, but not its own reset()', async () => {
    const { captcha, widget } = setup({ refresh: 'never' })
    await flush()
    const expire = vi.fn()
    captcha.on('expire', expire)
    widget().emit('solve', { token: 't1' }, true)
    captcha.reset()
    expect(expire).not.toHaveBeenCalled()
    expect(captcha.getState().status).toBe('ready')
    widget().emit('solve', { token: 't2' }, true)
    // Cap's own timer at the token's `expires`.
    widget().emit('reset', {}, true)
    expect(expire).toHaveBeenCalledOnce()
    expect(captcha.getState()).toMatchObject({ status: 'expired', token: null })
  })

  it('refreshes before the 20 minutes end, keeping the old token meanwhile', async () => {
    const { captcha, widget } = setup()
    await flush()
    widget().emit('solve', { token: 't1' }, true)
    await vi.advanceTimersByTimeAsync(1_200_000 - 30_000)
    expect(widget().calls).toEqual(['reset', 'solve'])
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 't1' })
    widget().emit('solve', { token: 't2' }, true)
    expect(captcha.getState().token).toBe('t2')
  })

  it('removes the widget on destroy, settles pending calls, and reports nothing after', async () => {
    const { captcha, widget, container } = setup()
    await flush()
    const element = widget()
    const token = captcha.getToken()
    const expire = vi.fn()
    captcha.on('expire', expire)
    captcha.destroy()
    await expect(token).rejects.toMatchObject({ code: 'destroyed' })
    expect(container.contains(element)).toBe(false)
    element.emit('solve', { token: 'late' }, true)
    expect(captcha.getState()).toMatchObject({ status: 'idle', token: null })
    expect(expire).not.toHaveBeenCalled()
  })
})
