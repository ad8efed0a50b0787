// Friendly Captcha v2 emulated, from Node: siteverify as its docs spell it (JSON or a form, the
// API key in X-API-Key, each documented error code with its HTTP status), checked against
// Friendly Captcha's own server SDK; the widget's calls; its real hosts for Playwright and MSW.
import { FriendlyCaptchaClient } from '@friendlycaptcha/server-sdk'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ChallengeRefused,
  createEmulator,
  createManualClock,
  FRIENDLY_DEMO_API_KEY,
  solveProviderChallenge,
} from '../src/index'
import { providerHandlers } from '../src/msw'
import { isProviderUrl } from '../src/provider-hosts'
import { startMock } from './helpers'

const SITE_KEY = 'FCMPASSLINEDEMO1'
const SITEVERIFY = '/api/v2/captcha/siteverify'

/** A response as the emulated widget gets one on https://shop.test. */
const mint = async (url: string, siteKey = SITE_KEY) =>
  (
    await solveProviderChallenge(url, {
      provider: 'friendlycaptcha',
      siteKey,
      hostname: 'shop.test',
    })
  ).token

async function verify(
  url: string,
  body: unknown,
  headers: Record<string, string> = { 'x-api-key': FRIENDLY_DEMO_API_KEY },
  type = 'application/json',
) {
  const response = await fetch(url + SITEVERIFY, {
    method: 'POST',
    headers: { 'content-type': type, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const refused = (status: number, code: string) => ({
  status,
  body: { success: false, error: { error_code: code, detail: expect.any(String) } },
})

describe('Friendly Captcha siteverify', () => {
  it('verifies a minted response once, with its timestamp and the page origin', async () => {
    const clock = createManualClock(Date.UTC(2026, 1, 5, 13, 1, 25))
    const mock = await startMock({ clock })
    const response = await mint(mock.url)
    expect(response).toMatch(/^frc2\./)
    const first = await verify(mock.url, { response, sitekey: SITE_KEY })
    expect(first).toEqual({
      status: 200,
      body: {
        success: true,
        data: {
          event_id: expect.stringMatching(/^ev_[0-9a-f]{32}$/),
          challenge: { timestamp: '2026-02-05T13:01:25Z', origin: 'https://shop.test' },
          risk_intelligence: null,
        },
      },
    })
    expect(await verify(mock.url, { response })).toEqual(refused(200, 'response_duplicate'))
  })

  it('answers each documented error code with its status', async () => {
    const clock = createManualClock()
    const mock = await startMock({ clock })
    const response = await mint(mock.url)
    expect(await verify(mock.url, { response }, {})).toEqual(refused(401, 'auth_required'))
    expect(await verify(mock.url, { response }, { 'x-api-key': 'A1wrong' })).toEqual(
      refused(401, 'auth_invalid'),
    )
    expect(await verify(mock.url, { response, sitekey: 'FCMNOTMINE000000' })).toEqual(
      refused(400, 'sitekey_invalid'),
    )
    expect(await verify(mock.url, { sitekey: SITE_KEY })).toEqual(refused(400, 'response_missing'))
    expect(await verify(mock.url, { response: '' })).toEqual(refused(400, 'response_missing'))
    for (const body of ['{not json', '[]', { response: 42 }, ''])
      expect(await verify(mock.url, body), JSON.stringify(body)).toEqual(
        refused(400, 'bad_request'),
      )
    expect(await verify(mock.url, 'response=x', undefined, 'text/plain')).toEqual(
      refused(400, 'bad_request'),
    )
    for (const forged of ['frc2.forged.token', `${response}x`, 'XXXX.DUMMY.TOKEN.XXXX'])
      expect(await verify(mock.url, { response: forged })).toEqual(refused(200, 'response_invalid'))
    // Solved for another site key of the same account, when the request names its own.
    const other = await mint(mock.url, 'FCMPASSLINECLICK')
    expect(await verify(mock.url, { response: other, sitekey: SITE_KEY })).toEqual(
      refused(200, 'response_invalid'),
    )
    clock.advance(1_800_000)
    expect(await verify(mock.url, { response })).toEqual(refused(200, 'response_timeout'))
  })

  it('takes a form post too, and a site key of yours with another account’s key is refused', async () => {
    const mock = await startMock({
      sites: [
        { provider: 'friendlycaptcha', siteKey: 'FCMOTHERACCOUNT1', secret: 'A1OtherAccountKey' },
      ],
    })
    const response = await mint(mock.url)
    const form = new URLSearchParams({ response, sitekey: SITE_KEY }).toString()
    const answer = await verify(mock.url, form, undefined, 'application/x-www-form-urlencoded')
    expect(answer).toMatchObject({ status: 200, body: { success: true } })
    expect(
      await verify(
        mock.url,
        { response: await mint(mock.url) },
        { 'x-api-key': 'A1OtherAccountKey' },
      ),
    ).toEqual(refused(200, 'response_invalid'))
  })

  it('reads as Friendly Captcha’s own server SDK expects it (@friendlycaptcha/server-sdk)', async () => {
    const mock = await startMock()
    const client = new FriendlyCaptchaClient({
      apiKey: FRIENDLY_DEMO_API_KEY,
      sitekey: SITE_KEY,
      apiEndpoint: mock.url,
    })
    const response = await mint(mock.url)
    const ok = await client.verifyCaptchaResponse(response)
    expect([ok.wasAbleToVerify(), ok.shouldAccept(), ok.getResponse()?.success]).toEqual([
      true,
      true,
      true,
    ])
    const again = await client.verifyCaptchaResponse(response)
    expect([
      again.wasAbleToVerify(),
      again.shouldAccept(),
      again.getResponseError()?.error_code,
    ]).toEqual([true, false, 'response_duplicate'])
    const badKey = new FriendlyCaptchaClient({ apiKey: 'A1wrong', apiEndpoint: mock.url })
    const unverified = await badKey.verifyCaptchaResponse(await mint(mock.url))
    expect([
      unverified.wasAbleToVerify(),
      unverified.isClientError(),
      unverified.getResponseError()?.error_code,
    ]).toEqual([false, true, 'auth_invalid'])
  })
})

describe('Friendly Captcha widget calls', () => {
  it('refuses an unknown site key as sitekey_invalid, and the failing demo key as other', async () => {
    const mock = await startMock()
    await expect(mint(mock.url, 'FCMUNKNOWN000000')).rejects.toEqual(
      new ChallengeRefused('sitekey_invalid', 400),
    )
    await expect(mint(mock.url, 'FCMPASSLINEFAILS')).rejects.toMatchObject({
      code: 'other',
      status: 403,
    })
  })

  it('serves the site script at its jsDelivr path and the frames at the API paths', async () => {
    const mock = await startMock()
    for (const path of [
      '/friendlycaptcha/site.min.js',
      '/friendlycaptcha/npm/@friendlycaptcha/sdk@1.0.2/site.compat.min.js',
    ]) {
      const answer = await fetch(mock.url + path)
      expect(answer.headers.get('content-type'), path).toMatch(/^text\/javascript/)
      expect(await answer.text()).toContain('window.frcaptcha = new FrcSDK()')
    }
    for (const frame of ['widget', 'agent']) {
      const answer = await fetch(`${mock.url}/api/v2/captcha/${frame}?comm_id=w_1`)
      expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await answer.text()).toContain(`frcStartFrame('${frame}')`)
    }
  })
})

describe('Friendly Captcha hosts', () => {
  it('answers jsDelivr only for the SDK’s site scripts, and the API hosts, global and EU', () => {
    const answered = [
      'https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk@1.0.2/site.min.js',
      'https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk@1.0.2/site.compat.min.js',
      'https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk/site.js',
      'https://global.frcapi.com/api/v2/captcha/siteverify',
      'https://eu.frcapi.com/api/v2/captcha/siteverify',
      'https://eu1.frcapi.com/api/v2/captcha/widget',
      'https://global0.frcapi.com/friendlycaptcha/mock/solve',
    ]
    const left = [
      'https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk@1.0.2/sdk.js',
      'https://cdn.jsdelivr.net/npm/vue@3/dist/vue.global.js',
      'https://global.frcapi.com/dashboard',
      'http://global.frcapi.com/api/v2/captcha/siteverify',
    ]
    for (const url of answered) expect(isProviderUrl(new URL(url)), url).toBe(true)
    for (const url of left) expect(isProviderUrl(new URL(url)), url).toBe(false)
  })

  describe('through MSW, at the real siteverify URLs', () => {
    const emulator = createEmulator()
    const unhandled: string[] = []
    const server = setupServer(
      ...providerHandlers(emulator),
      http.all('*', ({ request }) => {
        unhandled.push(request.url)
        return new Response('not a provider', { status: 418 })
      }),
    )
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
    afterAll(() => server.close())

    it('verifies at global.frcapi.com and eu.frcapi.com, and leaves other jsDelivr files alone', async () => {
      for (const host of ['global', 'eu']) {
        const response = (
          await solveProviderChallenge(emulator, { provider: 'friendlycaptcha', siteKey: SITE_KEY })
        ).token
        const answer = await verify(`https://${host}.frcapi.com`, { response })
        expect(answer, host).toMatchObject({
          status: 200,
          body: { success: true, data: { challenge: { origin: 'https://localhost' } } },
        })
      }
      const sdk = 'https://cdn.jsdelivr.net/npm/@friendlycaptcha/sdk@1.0.2/sdk.js'
      expect((await fetch(sdk)).status).toBe(418)
      expect(unhandled).toEqual([sdk])
    })
  })
})
