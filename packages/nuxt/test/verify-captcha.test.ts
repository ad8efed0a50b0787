import type { H3Event } from 'h3'
import {
  createMockServer,
  FRIENDLY_DEMO_API_KEY,
  solveChallenge,
  solveProviderChallenge,
  type MockServer,
} from '@passline/mock-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { verifyCaptcha } from '../src/runtime/server/verify-captcha'
import { runtimeConfig } from './stubs/imports'

let mock: MockServer
beforeAll(async () => {
  mock = await createMockServer()
})
afterAll(() => mock?.close())

const event = (headers: Record<string, string> = {}, remoteAddress = '10.0.0.2') =>
  ({ node: { req: { headers, socket: { remoteAddress } } } }) as unknown as H3Event

const SITEVERIFY_PATHS = {
  captchala: '',
  turnstile: '/turnstile/v0/siteverify',
  friendlycaptcha: '/api/v2/captcha/siteverify',
}

function configure(provider: keyof typeof SITEVERIFY_PATHS, siteKey: string, secret: string) {
  runtimeConfig.public.passline = { ...runtimeConfig.public.passline, provider, siteKey }
  runtimeConfig.passline = {
    secret,
    baseUrl: mock.url,
    backupUrl: mock.url,
    siteverifyUrl: SITEVERIFY_PATHS[provider] && mock.url + SITEVERIFY_PATHS[provider],
    trustProxy: false,
    ipHeader: '',
  }
}

beforeEach(() => configure('captchala', 'test_pass_invisible', 'test_secret'))

describe('verifyCaptcha', () => {
  it('fails closed without a secret or a site key, and says so once in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    configure('captchala', 'test_pass_invisible', '')
    expect(await verifyCaptcha(event(), 'pt_x')).toEqual({
      success: false,
      error: 'not_configured',
      provider: 'captchala',
      raw: null,
      clientIp: '10.0.0.2',
      result: null,
    })
    configure('captchala', '', 'test_secret')
    expect(await verifyCaptcha(event(), 'pt_x')).toMatchObject({ success: false })
    expect(log).toHaveBeenCalledTimes(2)
    log.mockRestore()
  })

  it('checks a CaptchaLa token with the expected action, once', async () => {
    const solve = async () =>
      (await solveChallenge(mock.url, { appKey: 'test_pass_invisible', action: 'signup' })).token
    expect(await verifyCaptcha(event(), await solve(), { expectedAction: 'login' })).toMatchObject({
      success: false,
      error: 'token_action_mismatch',
    })
    const token = await solve()
    expect(await verifyCaptcha(event(), token, { expectedAction: 'signup' })).toMatchObject({
      success: true,
      action: 'signup',
      result: { success: true, action: 'signup', uid: null },
    })
    expect(await verifyCaptcha(event(), token)).toMatchObject({ error: 'token_consumed' })
  })

  it('checks Turnstile tokens through its siteverify with the configured secret', async () => {
    configure('turnstile', '0x4AAAAAAAPasslineDemo', '0x4AAAAAAAPasslineDemoSecret')
    const { token } = await solveProviderChallenge(mock.url, {
      provider: 'turnstile',
      siteKey: '0x4AAAAAAAPasslineDemo',
      action: 'signup',
    })
    expect(await verifyCaptcha(event(), token, { expectedAction: 'signup' })).toMatchObject({
      success: true,
      provider: 'turnstile',
    })
    // One closed list of codes for every provider (@passline/server's VERIFY_ERRORS).
    expect(await verifyCaptcha(event(), token)).toMatchObject({
      success: false,
      error: 'token_expired_or_consumed',
      detail: 'timeout-or-duplicate',
    })
  })

  it("refuses a Friendly Captcha response solved for another of the account's site keys", async () => {
    configure('friendlycaptcha', 'FCMPASSLINEDEMO1', FRIENDLY_DEMO_API_KEY)
    const solve = async (siteKey: string) =>
      (await solveProviderChallenge(mock.url, { provider: 'friendlycaptcha', siteKey })).token
    expect(await verifyCaptcha(event(), await solve('FCMPASSLINECLICK'))).toMatchObject({
      success: false,
      provider: 'friendlycaptcha',
      error: 'invalid_token',
    })
    expect(await verifyCaptcha(event(), await solve('FCMPASSLINEDEMO1'))).toMatchObject({
      success: true,
      provider: 'friendlycaptcha',
    })
  })

  it('fails closed when the provider cannot be reached', async () => {
    runtimeConfig.passline.baseUrl = 'http://127.0.0.1:1'
    expect(await verifyCaptcha(event(), 'pt_x')).toMatchObject({
      success: false,
      error: 'request_failed',
    })
  })

  it('reads the client IP only as the configured proxy options allow', async () => {
    const spoofed = event({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7', 'x-real-ip': '6.6.6.6' })
    expect((await verifyCaptcha(spoofed, '')).clientIp).toBe('10.0.0.2')
    runtimeConfig.passline.trustProxy = 1
    expect((await verifyCaptcha(spoofed, '')).clientIp).toBe('203.0.113.7')
    runtimeConfig.passline.ipHeader = 'x-real-ip'
    expect((await verifyCaptcha(event({ 'x-real-ip': '198.51.100.4' }), '')).clientIp).toBe(
      '198.51.100.4',
    )
  })
})
