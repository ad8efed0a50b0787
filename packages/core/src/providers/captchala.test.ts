import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flush, setup } from '../test-setup'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const rejectExpired = (expired: string[]) => (serverToken: string | undefined) =>
  serverToken && expired.includes(serverToken) ? 'server_token_expired' : null

describe('CaptchaLa server tokens', () => {
  it('calls getServerToken before the first render when no serverToken is given', async () => {
    const getServerToken = vi.fn().mockResolvedValue('sct_first')
    const { fake, mount } = setup({ getServerToken })
    mount()
    await flush()
    expect(getServerToken).toHaveBeenCalledOnce()
    expect(fake.latest().config.serverToken).toBe('sct_first')
  })

  it('re-issues an expired server token with a new init and retries, without the caller seeing it', async () => {
    const getServerToken = vi.fn().mockResolvedValue('sct_fresh')
    const { captcha, fake, mount } = setup(
      { execution: 'execute', serverToken: 'sct_stale', getServerToken },
      { checkServerToken: rejectExpired(['sct_stale']) },
    )
    const errors = vi.fn()
    captcha.on('error', errors)
    mount()
    await expect(captcha.getToken()).resolves.toBe('pt_fake_1')
    expect(getServerToken).toHaveBeenCalledOnce()
    expect(fake.widgets.map((w) => w.config.serverToken)).toEqual(['sct_stale', 'sct_fresh'])
    expect(fake.live()).toHaveLength(1)
    expect(errors).not.toHaveBeenCalled()
  })

  it('keeps the re-issued token when the widget renders again, instead of the expired one', async () => {
    const getServerToken = vi.fn().mockResolvedValue('sct_fresh')
    const { captcha, fake, mount } = setup(
      { execution: 'execute', serverToken: 'sct_stale', getServerToken },
      { checkServerToken: rejectExpired(['sct_stale']) },
    )
    mount()
    await captcha.getToken()
    captcha.update({ theme: 'dark' })
    await flush()
    expect(fake.latest().config).toMatchObject({ theme: 'dark', serverToken: 'sct_fresh' })
    // A new token from the caller wins over the re-issued one.
    captcha.update({ serverToken: 'sct_from_caller' })
    await flush()
    expect(fake.latest().config.serverToken).toBe('sct_from_caller')
  })

  it('gives up with server-token-failed after two re-issues in a row', async () => {
    let issued = 0
    const getServerToken = vi.fn(async () => `sct_${++issued}`)
    const { captcha, mount } = setup(
      { execution: 'execute', getServerToken },
      { checkServerToken: () => 'server_token_exhausted' },
    )
    mount()
    const error = await captcha.getToken().catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'server-token-failed',
      providerCode: 'server_token_exhausted',
    })
    expect(getServerToken).toHaveBeenCalledTimes(3)
    expect(captcha.getState().status).toBe('error')
  })

  it('reports server-token-failed when getServerToken rejects', async () => {
    const cause = new Error('backend down')
    const { captcha, mount } = setup({ getServerToken: () => Promise.reject(cause) })
    mount()
    await flush()
    expect(captcha.getState().error).toMatchObject({ code: 'server-token-failed', cause })
  })

  it('without getServerToken, a server token error is a provider error with its code', async () => {
    const { captcha, mount } = setup(
      { execution: 'execute', serverToken: 'sct_stale' },
      { checkServerToken: rejectExpired(['sct_stale']) },
    )
    mount()
    await expect(captcha.getToken()).rejects.toMatchObject({
      code: 'provider-error',
      providerCode: 'server_token_expired',
    })
  })
})

describe('CaptchaLa option updates', () => {
  it('changes the language in place with setLang', async () => {
    const { captcha, fake, mount } = setup({ language: 'en' })
    mount()
    await flush()
    captcha.update({ language: 'ja' })
    expect(fake.widgets).toHaveLength(1)
    expect(fake.latest().lang).toBe('ja')
  })

  it('renders anew for a theme change, leaving exactly one live widget and keeping the token', async () => {
    const { captcha, fake, container, mount } = setup({}, { verify: 'manual' })
    mount()
    await flush()
    fake.latest().solve('pt_kept')
    captcha.update({ theme: 'dark' })
    await flush()
    expect(fake.widgets).toHaveLength(2)
    expect(fake.live()).toHaveLength(1)
    expect(container.querySelectorAll('[data-fake-captchala]')).toHaveLength(1)
    expect(captcha.getState()).toMatchObject({ status: 'verified', token: 'pt_kept' })
  })

  it('drops a token solved for another action', async () => {
    const { captcha, fake, mount } = setup({ action: 'login' }, { verify: 'manual' })
    mount()
    await flush()
    fake.latest().solve()
    captcha.update({ action: 'register' })
    await flush()
    expect(captcha.getState()).toMatchObject({ status: 'ready', token: null })
    expect(fake.latest().config.action).toBe('register')
  })

  it('re-creates the widget for a new siteKey and carries a pending challenge over to it', async () => {
    const { captcha, fake, mount } = setup({ execution: 'execute' }, { verify: 'manual' })
    mount()
    await flush()
    const token = captcha.getToken()
    captcha.update({ siteKey: 'test_pass_invisible' })
    await flush()
    expect(fake.widgets[0]!.destroyed).toBe(true)
    expect(fake.latest()).toMatchObject({
      config: { appKey: 'test_pass_invisible' },
      verifyCalls: 1,
    })
    fake.latest().solve('pt_new_key')
    await expect(token).resolves.toBe('pt_new_key')
  })

  it('rejects an update that removes the siteKey, keeping the old options', async () => {
    const { captcha, fake, mount } = setup()
    mount()
    await flush()
    expect(() => captcha.update({ siteKey: '' })).toThrow(
      expect.objectContaining({ code: 'invalid-options' }),
    )
    captcha.reset()
    expect(fake.latest().config.appKey).toBe('test_pass')
  })
})
