import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCaptcha } from './create-captcha'
import { CaptchaError } from './errors'
import { IDLE_STATE } from './idle-state'
import { flush, setup } from './test-setup'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createCaptcha: options', () => {
  it('throws invalid-options without a siteKey', () => {
    // @ts-expect-error siteKey is required
    expect(() => createCaptcha({})).toThrow(CaptchaError)
    expect(() => createCaptcha({ siteKey: ' ' })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    )
  })

  it('does nothing until mounted', async () => {
    const { captcha, fake } = setup()
    await flush()
    expect(captcha.getState()).toEqual({
      status: 'idle',
      token: null,
      expiresAt: null,
      error: null,
    })
    expect(document.scripts).toHaveLength(0)
    expect(fake.scriptRequests).toHaveLength(0)
  })

  it('starts from, and after destroy returns to, the one shared IDLE_STATE bindings show', () => {
    const { captcha } = setup()
    expect(captcha.getState()).toBe(IDLE_STATE)
    expect(Object.isFrozen(IDLE_STATE)).toBe(true)
    captcha.destroy()
    expect(captcha.getState()).toBe(IDLE_STATE)
  })
})

describe('createCaptcha: lifecycle', () => {
  it('goes idle → loading → ready → solving → verified and emits verify', async () => {
    const { captcha, fake, statuses, mount } = setup({ execution: 'execute' })
    const verified = vi.fn()
    captcha.on('verify', verified)
    mount()
    expect(captcha.getState().status).toBe('loading')
    await flush()
    expect(captcha.getState().status).toBe('ready')
    expect(fake.latest().config).toMatchObject({
      appKey: 'test_pass',
      product: 'embed',
      lang: 'auto',
    })
    const token = captcha.execute()
    expect(captcha.getState().status).toBe('solving')
    await expect(token).resolves.toBe('pt_fake_1')
    expect(captcha.getState()).toMatchObject({
      status: 'verified',
      token: 'pt_fake_1',
      error: null,
    })
    expect(captcha.getState().expiresAt).toBe(Date.now() + 300_000)
    expect(statuses).toEqual(['loading', 'ready', 'solving', 'verified'])
    expect(verified).toHaveBeenCalledWith('pt_fake_1')
  })

  it('keeps the same snapshot object until something changes', async () => {
    const { captcha, mount } = setup()
    const before = captcha.getState()
    expect(captcha.getState()).toBe(before)
    mount()
    const loading = captcha.getState()
    expect(loading).not.toBe(before)
    expect(Object.isFrozen(loading)).toBe(true)
    captcha.update({ refreshMarginMs: 1000 })
    expect(captcha.getState()).toBe(loading)
  })

  it('renders the embed widget into the container on mount and removes it on unmount', async () => {
    const { container, fake, mount } = setup()
    const unmount = mount()
    await flush()
    expect(fake.latest().attachedBy).toBe('appendTo')
    expect(container.querySelectorAll('[data-fake-captchala]')).toHaveLength(1)
    unmount()
    expect(fake.latest().destroyed).toBe(true)
    expect(container.children).toHaveLength(0)
  })

  it('binds the bind product to the mounted element', async () => {
    const { fake, container, mount } = setup({ product: 'bind' })
    mount()
    await flush()
    expect(fake.latest()).toMatchObject({ attachedBy: 'bindTo', container })
  })

  it('in execute mode attaches the widget only when a challenge runs', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute', product: 'popup' })
    mount()
    await flush()
    expect(fake.latest().attachedBy).toBeNull()
    await captcha.getToken()
    expect(fake.latest().attachedBy).toBe('appendTo')
  })

  it('accepts a token the user solves in the embed widget without any call', async () => {
    const { captcha, fake, mount } = setup({}, { verify: 'manual' })
    mount()
    await flush()
    fake.latest().solve('pt_by_user')
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_by_user' })
  })

  it('passes the nonce to the loader tag as an attribute', async () => {
    const { mount } = setup({ nonce: 'n0nce' })
    mount()
    await flush()
    expect(document.querySelector('script')!.getAttribute('nonce')).toBe('n0nce')
  })
})

describe('createCaptcha: getToken', () => {
  it('shares one challenge among concurrent callers', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' })
    mount()
    const tokens = await Promise.all([captcha.getToken(), captcha.getToken(), captcha.execute()])
    expect(tokens).toEqual(['pt_fake_1', 'pt_fake_1', 'pt_fake_1'])
    expect(fake.latest().verifyCalls).toBe(1)
  })

  it('returns a held token without a new challenge, and runs one when too little life is left', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' })
    mount()
    await captcha.getToken()
    await vi.advanceTimersByTimeAsync(200_000)
    await expect(captcha.getToken({ minTtlMs: 60_000 })).resolves.toBe('pt_fake_1')
    expect(fake.latest().verifyCalls).toBe(1)
    await expect(captcha.getToken({ minTtlMs: 120_000 })).resolves.toBe('pt_fake_2')
    // Each challenge starts from a clean widget.
    expect(fake.latest()).toMatchObject({ verifyCalls: 2, resetCalls: 2 })
  })

  it('waits for a mount when called before one', async () => {
    const { captcha, mount } = setup({ execution: 'execute' })
    const token = captcha.getToken()
    await flush()
    expect(captcha.getState().status).toBe('idle')
    mount()
    await expect(token).resolves.toBe('pt_fake_1')
  })

  it('rejects only the aborted caller; the others still get the token', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' }, { verify: 'manual' })
    mount()
    await flush()
    const controller = new AbortController()
    const aborted = captcha.getToken({ signal: controller.signal })
    const other = captcha.getToken()
    controller.abort()
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' })
    fake.latest().solve('pt_late')
    await expect(other).resolves.toBe('pt_late')
  })

  it('rejects with timeout after the caller’s timeoutMs', async () => {
    const { captcha, mount } = setup({ execution: 'execute' }, { verify: 'manual' })
    mount()
    const token = captcha.getToken({ timeoutMs: 5000 })
    const outcome = token.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(5000)
    expect(await outcome).toMatchObject({ code: 'timeout' })
  })

  it('rejects with challenge-failed and the provider code when the challenge fails', async () => {
    const { captcha, mount } = setup({ execution: 'execute' }, { verify: 'fail' })
    const errors = vi.fn()
    captcha.on('error', errors)
    mount()
    const error = await captcha.getToken().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'challenge-failed', providerCode: 'challenge_failed' })
    expect(captcha.getState()).toMatchObject({ status: 'error', error, token: null })
    expect(errors).toHaveBeenCalledWith(error)
  })

  it('keeps other provider errors as provider-error', async () => {
    const { captcha, fake, mount } = setup({}, { verify: 'manual' })
    mount()
    await flush()
    const token = captcha.getToken()
    fake.latest().fail('invalid_app_key')
    await expect(token).rejects.toMatchObject({
      code: 'provider-error',
      providerCode: 'invalid_app_key',
    })
  })

  it('rejects with challenge-closed when the user closes the challenge, and emits close', async () => {
    const { captcha, fake, mount } = setup({ product: 'popup' }, { verify: 'manual' })
    const closed = vi.fn()
    captcha.on('close', closed)
    mount()
    await flush()
    const token = captcha.getToken()
    fake.latest().close()
    await expect(token).rejects.toMatchObject({ code: 'challenge-closed' })
    expect(closed).toHaveBeenCalledOnce()
    expect(captcha.getState().status).toBe('ready')
  })

  it('settles pending calls with aborted on unmount and ignores the old widget afterwards', async () => {
    const { captcha, fake, mount } = setup({}, { verify: 'manual' })
    const unmount = mount()
    await flush()
    const token = captcha.getToken()
    const widget = fake.latest()
    unmount()
    await expect(token).rejects.toMatchObject({ code: 'aborted' })
    widget.solve('pt_late')
    expect(captcha.getState()).toMatchObject({ status: 'idle', token: null })
  })

  it('settles pending calls with destroyed on destroy, and rejects every call after it', async () => {
    const { captcha, mount } = setup({}, { verify: 'manual' })
    mount()
    const token = captcha.getToken()
    captcha.destroy()
    captcha.destroy()
    await expect(token).rejects.toMatchObject({ code: 'destroyed' })
    await expect(captcha.getToken()).rejects.toMatchObject({ code: 'destroyed' })
    await expect(captcha.execute()).rejects.toMatchObject({ code: 'destroyed' })
    const finalState = captcha.getState()
    captcha.reset()
    expect(captcha.getState()).toBe(finalState)
    expect(finalState.status).toBe('idle')
    const scripts = document.scripts.length
    expect(captcha.mount(document.body)).toBeTypeOf('function')
    expect(document.scripts).toHaveLength(scripts)
  })

  it('resolves the waiting caller even when a verify handler resets at once', async () => {
    const { captcha, mount } = setup({ execution: 'execute' })
    captcha.on('verify', () => captcha.reset())
    mount()
    await expect(captcha.getToken()).resolves.toBe('pt_fake_1')
    expect(captcha.getState()).toMatchObject({ status: 'ready', token: null })
  })

  it('consume() hands out the token and resets, so the next call runs a new challenge', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' })
    mount()
    await expect(captcha.consume()).resolves.toBe('pt_fake_1')
    expect(captcha.getState()).toMatchObject({ status: 'ready', token: null })
    await expect(captcha.getToken()).resolves.toBe('pt_fake_2')
    expect(fake.latest().verifyCalls).toBe(2)
  })
})

describe('createCaptcha: loading', () => {
  it('moves to error on a failed load, and reset() loads again', async () => {
    const { captcha, fake, mount } = setup(
      { retry: { attempts: 1 } },
      { script: (attempt) => (attempt === 0 ? 'error' : 'load') },
    )
    mount()
    const outcome = captcha.getToken().catch((error: unknown) => error)
    await flush()
    expect(captcha.getState()).toMatchObject({
      status: 'error',
      error: { code: 'script-load-failed' },
    })
    expect(await outcome).toMatchObject({ code: 'script-load-failed' })
    captcha.reset()
    await flush()
    expect(captcha.getState().status).toBe('ready')
    expect(fake.scriptRequests).toHaveLength(2)
  })

  it('moves to error with script-timeout when loadCaptchala never answers', async () => {
    const { captcha, mount } = setup({ loadTimeoutMs: 2000 }, { sdk: 'hang' })
    mount()
    await vi.advanceTimersByTimeAsync(2000)
    expect(captcha.getState().error).toMatchObject({ code: 'script-timeout' })
  })

  it('loads the SDK once for twenty controllers on one page', async () => {
    const first = setup()
    const shared = { scriptUrl: `https://mock.test/shared/captchala-loader.js` }
    const controllers = Array.from({ length: 20 }, () =>
      createCaptcha({ siteKey: 'test_pass', ...shared }),
    )
    for (const controller of controllers) {
      const element = document.createElement('div')
      document.body.appendChild(element)
      controller.mount(element)
    }
    await flush()
    expect(controllers.map((c) => c.getState().status)).toEqual(Array(20).fill('ready'))
    expect(first.fake.scriptRequests).toHaveLength(1)
    expect(first.fake.sdkLoads).toBe(1)
    expect(first.fake.live()).toHaveLength(20)
    expect(document.querySelectorAll('script')).toHaveLength(1)
    for (const controller of controllers) controller.destroy()
    expect(first.fake.live()).toHaveLength(0)
  })
})

describe('createCaptcha: no dead ends', () => {
  it('fails a widget that never reports ready with ready-timeout after readyTimeoutMs, then renders anew', async () => {
    const { captcha, fake, mount } = setup(
      { execution: 'execute', readyTimeoutMs: 2000 },
      { init: 'hang' },
    )
    mount()
    const first = captcha.getToken().catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(1999)
    expect(captcha.getState().status).toBe('loading')
    await vi.advanceTimersByTimeAsync(1)
    expect(await first).toMatchObject({ code: 'ready-timeout' })
    expect(captcha.getState()).toMatchObject({ status: 'error', error: { code: 'ready-timeout' } })
    // The stuck widget stays on screen until the next attempt replaces it.
    expect(fake.live()).toHaveLength(1)
    fake.options = {}
    await expect(captcha.getToken()).resolves.toBe('pt_fake_1')
    expect(fake.widgets).toHaveLength(2)
    expect(fake.live()).toHaveLength(1)
  })

  it('rejects a call made with nothing mounted with not-mounted after mountTimeoutMs', async () => {
    const { captcha, mount } = setup({ execution: 'execute', mountTimeoutMs: 1000 })
    const early = captcha.getToken().catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(1000)
    expect(await early).toMatchObject({ code: 'not-mounted' })
    expect(captcha.getState()).toMatchObject({ status: 'idle', error: null })
    expect(vi.getTimerCount()).toBe(0)
    mount()
    await expect(captcha.getToken()).resolves.toBe('pt_fake_1')
  })

  it('turns a provider that throws while rendering into provider-error, and renders again on the next call', async () => {
    const { captcha, mount } = setup({ execution: 'execute' })
    mount()
    await flush()
    const sdk = (window as unknown as { Captchala: { init: (...args: unknown[]) => unknown } })
      .Captchala
    const init = sdk.init
    sdk.init = () => {
      throw new TypeError('the SDK broke')
    }
    captcha.update({ theme: 'dark' })
    await flush()
    expect(captcha.getState()).toMatchObject({
      status: 'error',
      error: { code: 'provider-error', cause: expect.any(TypeError) },
    })
    sdk.init = init
    await expect(captcha.getToken()).resolves.toBe('pt_fake_1')
  })

  it('accepts a token the person solves in a widget that had failed, and keeps that widget', async () => {
    const { captcha, fake, mount } = setup({}, { verify: 'manual' })
    mount()
    await flush()
    fake.latest().fail('network_error')
    expect(captcha.getState()).toMatchObject({ status: 'error', error: { code: 'provider-error' } })
    fake.latest().solve('pt_after_glitch')
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_after_glitch' })
    const next = captcha.execute()
    await flush()
    fake.latest().solve('pt_next')
    await expect(next).resolves.toBe('pt_next')
    expect(fake.widgets).toHaveLength(1)
  })

  it('a failed background refresh moves to error, and the next call heals it', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' })
    mount()
    await captcha.getToken()
    fake.options = { verify: 'fail' }
    await vi.advanceTimersByTimeAsync(270_000)
    expect(captcha.getState()).toMatchObject({
      status: 'error',
      token: null,
      error: { code: 'challenge-failed' },
    })
    fake.options = {}
    await expect(captcha.getToken()).resolves.toBe('pt_fake_2')
  })
})
