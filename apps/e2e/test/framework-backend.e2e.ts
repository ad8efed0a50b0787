// The Next.js and Nuxt samples' server side over HTTP, built for production, as a hostile
// client talks to it: oversized and malformed input refused with nothing written, and the
// escalation (createPolicy) neither raced nor reset. Each test is a client of its own, named
// by the X-Forwarded-For a trusted proxy would write (both apps trust one proxy here).
import { readFileSync } from 'node:fs'
import { createMockServer, solveChallenge, type MockServer } from '@passline/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BAD_TOKEN, postJson } from '../../demo-api/test/requests'
import {
  escalation,
  failures,
  interleaved,
  interleaving,
  raceAtTwoFailures,
} from '../../demo-api/test/scenarios'
import { createUpstream, type Upstream } from '../../demo-api/test/upstream'
import { freshEmail } from './emails'
import { startNext, startNuxt } from './framework-servers'
import type { RunningApp } from './node-server'

/** `createPolicy`'s default block threshold, which both samples use. */
const BLOCK_AFTER = 20

const samples = [
  { name: 'next-demo', start: startNext },
  {
    name: 'nuxt-demo',
    start: (mockUrl: string) => startNuxt(mockUrl, { NUXT_PASSLINE_TRUST_PROXY: '1' }),
  },
]

/** A process's peak resident memory, in bytes (Linux). */
function peakMemory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024
}

let clients = 0
/** A new client: its own address, as the trusted proxy reports it. */
const newClient = () => ({ 'x-forwarded-for': `203.0.113.${++clients}` })

describe.each(samples)('$name’s signup route', ({ name, start }) => {
  let mock: MockServer
  let upstream: Upstream
  let app: RunningApp
  beforeAll(async () => {
    mock = await createMockServer()
    // The app reaches CaptchaLa through this, so that racing requests can be made to race.
    upstream = await createUpstream(mock.url)
    app = await start(upstream.url)
  })
  afterAll(async () => {
    await app?.close()
    await upstream?.close()
    await mock?.close()
  })

  const token = async () =>
    (await solveChallenge(mock.url, { appKey: 'test_pass_invisible', action: 'signup' })).token
  const client = () => ({ urls: [app.url], token, headers: newClient(), upstream })

  it('refuses an oversized token, email and body, and a form, with nothing written', async () => {
    const headers = newClient()
    const email = freshEmail(name)
    const signup = (body: object) => postJson(app.url, body, headers)
    expect(await signup({ email, captchaToken: 'p'.repeat(5000) })).toMatchObject({
      status: 403,
      body: { error: 'captcha_failed', reason: 'token_too_long' },
    })
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`
    expect(await signup({ email: long, captchaToken: await token() })).toMatchObject({
      status: 400,
      body: { error: 'invalid_email' },
    })
    const padded = await signup({ email, captchaToken: await token(), pad: 'x'.repeat(2 << 20) })
    expect(padded).toMatchObject({ status: 413, body: { error: 'body_too_large' } })
    const form = await fetch(`${app.url}/api/signup`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, captchaToken: await token() }),
    })
    expect([form.status, await form.json()]).toMatchObject([
      415,
      { error: 'unsupported_media_type' },
    ])
    // None of them created the account: the address is still free.
    expect(await signup({ email, captchaToken: await token() })).toMatchObject({ status: 201 })
  })

  it('keeps none of a 128 MB body sent without a length, answers 413 and stays up', async () => {
    const peak = app.pid ? () => peakMemory(app.pid!) : undefined
    const before = peak?.()
    let sent = 0
    const huge = new ReadableStream({
      pull(controller) {
        if (sent >= 128 << 20) return controller.close()
        sent += 64 << 10
        controller.enqueue(new Uint8Array(64 << 10).fill(32))
      },
    })
    const response = await fetch(`${app.url}/api/signup`, {
      method: 'POST',
      headers: { ...newClient(), 'content-type': 'application/json' },
      body: huge,
      duplex: 'half',
    } as RequestInit)
    expect([response.status, await response.json()]).toMatchObject([
      413,
      { error: 'body_too_large' },
    ])
    // Its own server process (Nuxt's): its peak memory did not grow by anything like the body.
    if (peak) expect(peak() - before!).toBeLessThan(32 << 20)
    expect((await fetch(app.url)).status).toBe(200)
  })

  it('lets one of twenty signups racing at two failures through', async () => {
    // Two failures and eighteen checks pending reach the block (20): the last two are refused
    // before they are verified, so eighteen reach CaptchaLa, and one of them passes.
    const answers = await raceAtTwoFailures(client(), 20, 18)
    expect(answers.filter((answer) => answer === 'created')).toHaveLength(1)
    expect(answers.filter((answer) => answer !== 'created').sort()).toEqual([
      ...Array<string>(2).fill('blocked'),
      ...Array<string>(17).fill('challenge_required'),
    ])
  })

  it('never lets "two failures, then one success" reset the count', async () => {
    expect(await interleaved(client(), 5)).toEqual(interleaving(5))
  })

  it('blocks after twenty failures with 429 and Retry-After', async () => {
    const blocked = client()
    expect(await failures(blocked, BLOCK_AFTER + 1)).toEqual(escalation(BLOCK_AFTER))
    const reply = await postJson(
      app.url,
      { email: freshEmail(name), captchaToken: BAD_TOKEN },
      blocked.headers,
    )
    expect(reply.status).toBe(429)
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(reply.body).toMatchObject({ error: 'blocked', retryAfter: expect.any(Number) })
  })
})
