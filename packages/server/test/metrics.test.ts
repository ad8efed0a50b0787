// Metrics with the real OpenTelemetry SDK as the app would register it: names, units,
// attributes; and nothing recorded (nor any error) before an SDK exists.
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createVerifier } from '../src/index'
import { registerMetricsSdk } from './otel'
import { json, upstream } from './upstreams'

let mock: MockServer
let sdk: ReturnType<typeof registerMetricsSdk> | undefined
beforeEach(async () => {
  mock = await createMockServer()
})
afterEach(async () => {
  await sdk?.stop()
  sdk = undefined
  await mock.close()
})

const verifierFor = (baseUrl: string) =>
  createVerifier({
    provider: 'captchala',
    appKey: 'test_pass_invisible',
    appSecret: 'test_secret',
    baseUrl,
  })

describe('metrics', () => {
  it('passline.validations and passline.validation.duration, by provider, result and error.type', async () => {
    const verifier = verifierFor(mock.url)
    // Before any SDK: a no-op, and no error.
    expect(await verifier.verify('pt_early')).toMatchObject({ error: 'invalid_token' })
    sdk = registerMetricsSdk()
    const { token } = await solveChallenge(mock.url, { appKey: 'test_pass_invisible' })
    await verifier.verify(token)
    await verifier.verify(token)
    await verifier.verify('')
    const outage = await upstream((_request, response) =>
      json(response, { code: 500, msg: 'x' }, 500),
    )
    await verifierFor(outage.url).verify('pt_z')

    const counts = (await sdk.points('passline.validations')).map((point) => [
      point.attributes,
      point.value,
    ])
    expect(counts).toEqual(
      expect.arrayContaining([
        [{ provider: 'captchala', result: 'success' }, 1],
        [
          {
            provider: 'captchala',
            result: 'failure',
            'error.type': 'token_consumed',
            'error.kind': 'token',
          },
          1,
        ],
        [
          {
            provider: 'captchala',
            result: 'failure',
            'error.type': 'missing_token',
            'error.kind': 'token',
          },
          1,
        ],
        [
          {
            provider: 'captchala',
            result: 'failure',
            'error.type': 'request_failed',
            'error.kind': 'unavailable',
          },
          1,
        ],
      ]),
    )
    // The call made before the SDK existed was not counted anywhere.
    expect(counts.reduce((sum, [, value]) => sum + (value as number), 0)).toBe(4)
    const durations = await sdk.points('passline.validation.duration')
    expect(durations.map((point) => point.attributes)).toEqual(
      expect.arrayContaining([
        { provider: 'captchala', result: 'success' },
        { provider: 'captchala', result: 'failure' },
      ]),
    )
    const histogram = durations[0]!.value as { count: number; sum: number }
    expect(histogram.count).toBeGreaterThan(0)
    // Seconds, not milliseconds: a local call takes well under one.
    expect(histogram.sum / histogram.count).toBeLessThan(1)
    expect(await sdk.unit('passline.validation.duration')).toBe('s')
  })

  it('meter: false records nothing', async () => {
    sdk = registerMetricsSdk()
    const verifier = createVerifier({
      provider: 'captchala',
      appKey: 'test_pass_invisible',
      appSecret: 'test_secret',
      baseUrl: mock.url,
      meter: false,
    })
    await verifier.verify('pt_x')
    expect(await sdk.points('passline.validations')).toEqual([])
  })
})
