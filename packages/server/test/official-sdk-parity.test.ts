// CaptchaLa's official server SDKs (captchala-go 1.2.2, captchala-php 1.2.3) held against the
// emulator case by case: each request is made the way those SDKs put it on the wire, and each
// answer read the way they read it. Next to it, what @passline/server says for the same case,
// so a backend moving from an official SDK to Passline (or to the mock in CI) meets no surprise.
import {
  createMockServer,
  solveChallenge,
  type MockServer,
  type SolvedChallenge,
} from '@passline/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaptchalaClient } from '../src/index'

let mock: MockServer
beforeAll(async () => {
  mock = await createMockServer()
})
afterAll(() => mock?.close())

interface OfficialResult {
  valid: boolean
  offline: boolean
  clientOnly: boolean
  error?: string
  degraded?: boolean
  degradedReason?: string
  uid?: string
  userIp?: string
  /** How many requests the SDK sent for this call (a `client_` token sends none). */
  requests: number
}

/**
 * The official SDKs' validate, as documented and as their sources behave: a `client_` token is
 * never sent (valid, client-only); an `offline_` one goes to the backup host's `/api/validate`,
 * anything else to `/v1/validate`; the body always has `pass_token` and `keep_token`, and
 * `client_ip` only when given; the answer is read whatever its HTTP status.
 */
async function officialValidate(
  credentials: { appKey: string; appSecret: string },
  token: string,
  options: { keepToken?: boolean; clientIp?: unknown } = {},
): Promise<OfficialResult> {
  if (token.startsWith('client_'))
    return { valid: true, offline: true, clientOnly: true, requests: 0 }
  const offline = token.startsWith('offline_')
  const body: Record<string, unknown> = {
    pass_token: token,
    keep_token: options.keepToken ?? false,
  }
  if (options.clientIp !== undefined) body.client_ip = options.clientIp
  const response = await fetch(`${mock.url}${offline ? '/api/validate' : '/v1/validate'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-app-key': credentials.appKey,
      'x-app-secret': credentials.appSecret,
    },
    body: JSON.stringify(body),
  })
  const answer = (await response.json()) as {
    code: number
    msg: string
    data: Record<string, unknown>
  }
  const base = { offline, clientOnly: false, requests: 1 }
  if (answer.code === 0 && (answer.data.valid === true || answer.data.ok === true)) {
    const args = answer.data.captcha_args as { user_ip?: string } | undefined
    return {
      ...base,
      valid: true,
      ...(typeof answer.data.uid === 'string' && { uid: answer.data.uid }),
      ...(args?.user_ip && { userIp: args.user_ip }),
    }
  }
  if (answer.data?.degraded === true) {
    const reason = answer.data.reason
    return {
      ...base,
      valid: false,
      degraded: true,
      degradedReason: typeof reason === 'string' && reason ? reason : 'quota_exhausted',
    }
  }
  const error =
    typeof answer.data?.error === 'string' ? answer.data.error : answer.msg || 'unknown_error'
  return { ...base, valid: false, error }
}

/** The official SDKs' issueServerToken body: `action`, and each option only when set. */
async function officialIssue(action: string, options: { bindUid?: string; bindingIp?: string }) {
  const body: Record<string, unknown> = { action }
  if (options.bindingIp) body.binding_ip = options.bindingIp
  if (options.bindUid) body.bind_uid = options.bindUid
  const response = await fetch(`${mock.url}/v1/server/challenge/issue`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-app-key': 'test_pass',
      'x-app-secret': 'test_secret',
    },
    body: JSON.stringify(body),
  })
  const answer = (await response.json()) as { code: number; data: { server_token?: string } }
  return answer.code === 0 ? answer.data.server_token : undefined
}

const TEST = { appKey: 'test_pass', appSecret: 'test_secret' }
const as = (appKey: string) => ({ appKey, appSecret: 'test_secret' })
const passline = (credentials: { appKey: string; appSecret: string }) =>
  new CaptchalaClient({ ...credentials, baseUrl: mock.url, backupUrl: mock.url })
const solved = (appKey = 'test_pass', serverToken?: string): Promise<SolvedChallenge> =>
  solveChallenge(mock.url, { appKey, ...(serverToken && { serverToken }) })

describe('the official SDKs’ cases against the emulator, and Passline’s answer to each', () => {
  it('a fresh token is valid, with its challenge and the solver’s IP', async () => {
    const { token } = await solved()
    expect(await officialValidate(TEST, token, { keepToken: true })).toMatchObject({
      valid: true,
      userIp: '127.0.0.1',
    })
    expect(await passline(TEST).validate(token)).toMatchObject({
      valid: true,
      captchaArgs: { user_ip: '127.0.0.1' },
    })
  })

  it('a replayed token is token_consumed; keep_token leaves it usable', async () => {
    const { token } = await solved()
    expect(await officialValidate(TEST, token, { keepToken: true })).toMatchObject({ valid: true })
    expect(await officialValidate(TEST, token)).toMatchObject({ valid: true })
    expect(await officialValidate(TEST, token)).toMatchObject({
      valid: false,
      error: 'token_consumed',
    })
    expect(await passline(TEST).validate(token)).toMatchObject({
      valid: false,
      error: 'token_consumed',
    })
  })

  it('garbage is invalid_token', async () => {
    for (const garbage of ['pt_garbage', 'not-a-token', 'pt_' + 'A'.repeat(200)]) {
      expect(await officialValidate(TEST, garbage)).toMatchObject({
        valid: false,
        error: 'invalid_token',
      })
      expect(await passline(TEST).validate(garbage)).toMatchObject({
        valid: false,
        error: 'invalid_token',
      })
    }
  })

  it('a wrong app key or secret is refused with its code', async () => {
    const { token } = await solved()
    const wrongKey = { appKey: 'nobody', appSecret: 'test_secret' }
    const wrongSecret = { appKey: 'test_pass', appSecret: 'guess' }
    expect(await officialValidate(wrongKey, token)).toMatchObject({ error: 'invalid_app_key' })
    expect(await officialValidate(wrongSecret, token)).toMatchObject({
      error: 'invalid_app_secret',
    })
    expect(await passline(wrongKey).validate(token)).toMatchObject({ error: 'invalid_app_key' })
    expect(await passline(wrongSecret).validate(token)).toMatchObject({
      error: 'invalid_app_secret',
    })
  })

  it('a server token issued with bind_uid gives the token solved with it that uid', async () => {
    const serverToken = await officialIssue('login', { bindUid: 'user-42' })
    expect(serverToken).toMatch(/^sct_/)
    const { token } = await solveChallenge(mock.url, { action: 'login', serverToken: serverToken! })
    expect(await officialValidate(TEST, token, { keepToken: true })).toMatchObject({
      valid: true,
      uid: 'user-42',
    })
    expect(await passline(TEST).validate(token)).toMatchObject({ valid: true, uid: 'user-42' })
  })

  it('a degraded token is never valid, with the reason quota_exhausted', async () => {
    const { token } = await solved('test_degraded')
    expect(await officialValidate(as('test_degraded'), token)).toMatchObject({
      valid: false,
      degraded: true,
      degradedReason: 'quota_exhausted',
    })
    expect(await passline(as('test_degraded')).validate(token)).toMatchObject({
      valid: false,
      degraded: true,
      degradedReason: 'quota_exhausted',
    })
  })

  it('an offline_ token goes through the backup path and is valid there', async () => {
    const { token } = await solved('test_offline')
    expect(token).toMatch(/^offline_/)
    expect(await officialValidate(as('test_offline'), token, { keepToken: true })).toMatchObject({
      valid: true,
      offline: true,
    })
    expect(await passline(as('test_offline')).validate(token)).toMatchObject({
      valid: true,
      offline: true,
    })
  })

  it('a client_ token is never sent: the official SDKs pass it as client-only, Passline only on opt-in', async () => {
    const { token } = await solved('test_client_only')
    expect(token).toMatch(/^client_/)
    expect(await officialValidate(as('test_client_only'), token)).toEqual({
      valid: true,
      offline: true,
      clientOnly: true,
      requests: 0,
    })
    expect(await passline(as('test_client_only')).validate(token)).toMatchObject({
      valid: false,
      clientOnly: true,
      error: 'client_only',
    })
    const optedIn = new CaptchalaClient({
      ...as('test_client_only'),
      baseUrl: `${mock.url}/never-called`,
      acceptClientOnly: true,
    })
    expect(await optedIn.validate(token)).toMatchObject({ valid: true, clientOnly: true })
  })

  it('a differing or malformed client_ip is recorded, never refused', async () => {
    for (const clientIp of ['203.0.113.9', '2001:db8::1', 'not-an-ip', '']) {
      const { token } = await solved()
      expect(await officialValidate(TEST, token, { clientIp, keepToken: true })).toMatchObject({
        valid: true,
        userIp: '127.0.0.1',
      })
      expect(await passline(TEST).validate(token, { clientIp })).toMatchObject({ valid: true })
    }
  })
})
