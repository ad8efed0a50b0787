// One instance with its memory store, as `npm run demo` runs it: the same client scenarios as
// the three instances on Redis (instances.test.ts) get the same answers, and the window and
// the block behave as documented (the policy's clock injected, no waiting).
import { createMockServer, type MockServer } from '@passline/mock-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDemoApi, type DemoApi } from '../src/index'
import { BAD_TOKEN, freshEmail, passToken, postJson } from './requests'
import { scenarioTests } from './scenario-suite'
import { BLOCK_AFTER, failures } from './scenarios'
import { createUpstream, type Upstream } from './upstream'

let mock: MockServer
let upstream: Upstream
let api: DemoApi
let now: number
beforeEach(async () => {
  now = Date.parse('2026-01-01T00:00:00Z')
  mock = await createMockServer()
  upstream = await createUpstream(mock.url)
  api = await createDemoApi({
    captchalaUrl: upstream.url,
    port: 0,
    policy: { blockAfter: BLOCK_AFTER, now: () => now },
  })
})
const client = () => ({ urls: [api.url], token: () => passToken(mock.url), upstream })

afterEach(async () => {
  await api.close()
  await upstream.close()
  await mock.close()
})

describe('one instance', () => {
  scenarioTests(client)

  it('answers a block with 429 and Retry-After, until the failures age out', async () => {
    await failures(client(), BLOCK_AFTER)
    const blocked = await postJson(api.url, { email: freshEmail(), captchaToken: BAD_TOKEN })
    expect(blocked).toMatchObject({ status: 429, body: { error: 'blocked', retryAfter: 900 } })
    expect(blocked.headers.get('retry-after')).toBe('900')
    // Fifteen minutes on (the policy's window), nothing is held against the client any more.
    now += 900_000 + 1
    const fresh = await postJson(api.url, {
      email: freshEmail(),
      captchaToken: await passToken(mock.url),
    })
    expect(fresh.status).toBe(201)
  })
})
