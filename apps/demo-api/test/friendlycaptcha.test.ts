// Friendly Captcha through the demo backend: its script in /api/config, and a signup checked
// against the mock's v2 siteverify (the demo account's API key, the page's site key), once.
import { createMockServer, type MockServer } from '@passline/mock-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'
import { freshEmail, postJson, providerToken } from './requests'

let mock: MockServer
let api: DemoApi
beforeEach(async () => {
  mock = await createMockServer()
  api = await createDemoApi({ captchalaUrl: mock.url, port: 0 })
})
afterEach(async () => {
  await api.close()
  await mock.close()
})

const SITE_KEY = 'FCMPASSLINEDEMO1'
const response = (siteKey = SITE_KEY) =>
  providerToken(mock.url, { provider: 'friendlycaptcha', siteKey })

describe('demo backend with Friendly Captcha', () => {
  it('offers the emulated site script and the demo keys, without the API key', async () => {
    const text = await (await fetch(`${api.url}/api/config`)).text()
    const config = JSON.parse(text) as {
      providers: Record<string, { scriptUrl: string; siteKeys: { key: string }[] }>
    }
    expect(config.providers.friendlycaptcha).toEqual({
      scriptUrl: `${mock.url}/friendlycaptcha/site.min.js`,
      siteKeys: [
        { key: 'FCMPASSLINEDEMO1', label: 'demo: solves once the form is used' },
        { key: 'FCMPASSLINECLICK', label: 'demo: asks for a click' },
        { key: 'FCMPASSLINEFAILS', label: 'demo: always fails' },
      ],
    })
    expect(text).not.toContain('A1Passline')
  })

  it('signs up with a response once; a replay, a forged one and another key’s are refused', async () => {
    const captchaToken = await response()
    const body = {
      email: freshEmail(),
      captchaToken,
      provider: 'friendlycaptcha',
      siteKey: SITE_KEY,
    }
    expect(await postJson(api.url, body)).toMatchObject({ status: 201 })
    expect(await postJson(api.url, { ...body, email: freshEmail() })).toMatchObject({
      status: 403,
      body: { error: 'captcha_failed', reason: 'token_consumed' },
    })
    expect(
      await postJson(api.url, { ...body, email: freshEmail(), captchaToken: 'frc2.forged.x' }),
    ).toMatchObject({ status: 403, body: { reason: 'invalid_token' } })
    // Solved for the click key, sent as the demo key's: the backend checks the site key.
    expect(
      await postJson(api.url, {
        ...body,
        email: freshEmail(),
        captchaToken: await response('FCMPASSLINECLICK'),
      }),
    ).toMatchObject({ status: 403, body: { reason: 'invalid_token' } })
  })
})
