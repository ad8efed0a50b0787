import { describe, expect, it } from 'vitest'
import { verifyHcaptcha, verifyRecaptcha, verifyTurnstile } from '../src/index'
import { json, upstream } from './upstreams'

const form = (body: string) => Object.fromEntries(new URLSearchParams(body))

describe('siteverify', () => {
  it('Turnstile: posts the form with the idempotency key and normalises the answer', async () => {
    const cloudflare = await upstream((_r, response) =>
      json(response, {
        success: true,
        'error-codes': [],
        challenge_ts: '2026-11-22T04:00:00.000Z',
        hostname: 'localhost',
        action: 'login',
        cdata: 'test-data',
      }),
    )
    const result = await verifyTurnstile({
      secret: '1x0000000000000000000000000000000AA',
      token: 'XXXX.DUMMY.TOKEN.XXXX',
      remoteIp: '203.0.113.5',
      idempotencyKey: '6f1c7b0e-9d3a-4c55-8a0e-1d2b3c4d5e6f',
      expectedAction: 'login',
      url: cloudflare.url,
    })
    expect(result).toMatchObject({
      success: true,
      errorCodes: [],
      challengeTs: '2026-11-22T04:00:00.000Z',
      hostname: 'localhost',
      action: 'login',
      cdata: 'test-data',
    })
    const [request] = cloudflare.requests
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(form(request!.body)).toEqual({
      secret: '1x0000000000000000000000000000000AA',
      response: 'XXXX.DUMMY.TOKEN.XXXX',
      remoteip: '203.0.113.5',
      idempotency_key: '6f1c7b0e-9d3a-4c55-8a0e-1d2b3c4d5e6f',
    })
  })

  it('Turnstile: keeps the provider’s error codes and refuses another action or hostname', async () => {
    const failing = await upstream((_r, response) =>
      json(response, { success: false, 'error-codes': ['timeout-or-duplicate'] }),
    )
    expect(await verifyTurnstile({ secret: 's', token: 't', url: failing.url })).toMatchObject({
      success: false,
      errorCodes: ['timeout-or-duplicate'],
    })
    const passing = await upstream((_r, response) =>
      json(response, { success: true, action: 'login', hostname: 'a.example' }),
    )
    expect(
      await verifyTurnstile({ secret: 's', token: 't', url: passing.url, expectedAction: 'pay' }),
    ).toMatchObject({
      success: false,
      errorCodes: ['action-mismatch'],
    })
    expect(
      await verifyTurnstile({
        secret: 's',
        token: 't',
        url: passing.url,
        expectedHostname: 'b.example',
      }),
    ).toMatchObject({
      success: false,
      errorCodes: ['hostname-mismatch'],
    })
  })

  it('hCaptcha: sends the sitekey and reads score', async () => {
    const hcaptcha = await upstream((_r, response) =>
      json(response, {
        success: true,
        challenge_ts: '2026-11-22T04:00:00Z',
        hostname: 'dummy-key-pass',
        credit: false,
        score: 0.1,
      }),
    )
    const result = await verifyHcaptcha({
      secret: '0x0000000000000000000000000000000000000000',
      token: '10000000-aaaa-bbbb-cccc-000000000001',
      sitekey: '10000000-ffff-ffff-ffff-000000000001',
      url: hcaptcha.url,
    })
    expect(result).toMatchObject({ success: true, hostname: 'dummy-key-pass', score: 0.1 })
    expect(form(hcaptcha.requests[0]!.body).sitekey).toBe('10000000-ffff-ffff-ffff-000000000001')
  })

  it('reCAPTCHA v3: refuses a score below minScore and a missing score', async () => {
    const low = await upstream((_r, response) =>
      json(response, { success: true, score: 0.3, action: 'submit' }),
    )
    expect(
      await verifyRecaptcha({ secret: 's', token: 't', url: low.url, minScore: 0.5 }),
    ).toMatchObject({
      success: false,
      score: 0.3,
      errorCodes: ['score-too-low'],
    })
    expect(
      await verifyRecaptcha({
        secret: 's',
        token: 't',
        url: low.url,
        minScore: 0.2,
        expectedAction: 'submit',
      }),
    ).toMatchObject({
      success: true,
    })
    const v2 = await upstream((_r, response) =>
      json(response, { success: true, hostname: 'testkey.google.com' }),
    )
    expect(
      await verifyRecaptcha({ secret: 's', token: 't', url: v2.url, minScore: 0.5 }),
    ).toMatchObject({ success: false })
    expect(await verifyRecaptcha({ secret: 's', token: 't', url: v2.url })).toMatchObject({
      success: true,
    })
  })

  it('fails closed: no token, a network failure, a non-JSON or non-200 answer, a timeout', async () => {
    expect(await verifyTurnstile({ secret: 's', token: '' })).toMatchObject({
      success: false,
      errorCodes: ['missing-input-response'],
    })
    const html = await upstream((_r, response) => response.end('<html>'))
    const broken = await upstream((_r, response) => json(response, { success: true }, 502))
    const silent = await upstream(() => {})
    for (const url of [html.url, broken.url, silent.url, 'http://127.0.0.1:1']) {
      expect(
        await verifyHcaptcha({ secret: 's', token: 't', url, timeoutMs: 300 }),
        url,
      ).toMatchObject({
        success: false,
        errorCodes: ['request_failed'],
      })
    }
    // A 200 without `success: true` is a failure, whatever else it says.
    const vague = await upstream((_r, response) => json(response, { success: 'yes' }))
    expect(await verifyRecaptcha({ secret: 's', token: 't', url: vague.url })).toMatchObject({
      success: false,
    })
  })

  it('throws without a secret', async () => {
    await expect(verifyTurnstile({ secret: '', token: 't' })).rejects.toMatchObject({
      code: 'missing-secret',
    })
  })
})
