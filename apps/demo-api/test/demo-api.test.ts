import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'

let mock: MockServer
let api: DemoApi
beforeEach(async () => {
  mock = await createMockServer()
  api = await createDemoApi({ captchalaUrl: mock.url, port: 0, escalateAfter: 2 })
})
afterEach(async () => {
  await api.close()
  await mock.close()
})

const signup = async (body: object) => {
  const response = await fetch(`${api.url}/api/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
const token = async (options: { serverToken?: string; action?: string } = {}) =>
  (await solveChallenge(mock.url, { action: 'signup', ...options })).token

describe('demo backend', () => {
  it('tells pages where the loader is', async () => {
    expect(await (await fetch(`${api.url}/api/config`)).json()).toEqual({
      loaderUrl: `${mock.url}/captchala-loader.js`,
    })
  })

  it('creates an account only with a valid token for the signup action', async () => {
    expect(await signup({ email: 'a@b.c', token: await token() })).toEqual({
      status: 201,
      body: { ok: true, account: { email: 'a@b.c' } },
    })
    expect(await signup({ email: 'b@b.c', token: await token({ action: 'login' }) })).toEqual({
      status: 403,
      body: { error: 'captcha_failed', reason: 'token_action_mismatch' },
    })
  })

  it('refuses bad input clearly', async () => {
    expect(await signup({ email: 'nope', token: 'x' })).toEqual({
      status: 400,
      body: { error: 'invalid_email' },
    })
    expect(await signup({ email: 'a@b.c', token: 'x', appKey: 'someone_else' })).toEqual({
      status: 400,
      body: { error: 'unknown_app_key' },
    })
  })

  it('issues server tokens on GET /api/server-token', async () => {
    const response = await fetch(`${api.url}/api/server-token?action=checkout`)
    expect(await response.json()).toEqual({
      serverToken: expect.stringMatching(/^sct_/),
      expiresIn: 300,
    })
  })

  it('escalates after repeated failures and then wants the server token’s challenge', async () => {
    await signup({ email: 'x@b.c', token: 'pt_bad' })
    const escalated = await signup({ email: 'x@b.c', token: 'pt_bad' })
    expect(escalated).toMatchObject({
      status: 403,
      body: { error: 'challenge_required', serverToken: expect.any(String) },
    })
    // A plain token no longer does; one solved with the latest server token does.
    const again = await signup({ email: 'y@b.c', token: await token() })
    expect(again.body).toMatchObject({
      error: 'challenge_required',
      reason: 'server_challenge_missing',
    })
    const serverToken = again.body.serverToken as string
    expect(await signup({ email: 'z@b.c', token: await token({ serverToken }) })).toMatchObject({
      status: 201,
    })
  })
})
