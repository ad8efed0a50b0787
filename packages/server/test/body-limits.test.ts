// Bodies past `maxBodyBytes`: the guards and `readCaptchaToken` stop reading at the cap and
// answer the documented refusal (the body holds no token: 403 `missing_token`), and the
// server stays up. Over real HTTP for Express; with streamed bodies that count what was
// pulled for the Fetch path and Hono.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { Hono, type Context } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireCaptcha as expressGuard } from '../src/express'
import { requireCaptcha as honoGuard } from '../src/hono'
import { createVerifier, readCaptchaToken } from '../src/index'

const MiB = 1024 * 1024
const refused = [403, { error: 'captcha_failed', reason: 'missing_token' }]
const answer = async (response: Response) => [response.status, await response.json()]

// What reached CaptchaLa: a body past the cap holds no token, so nothing is sent.
const verified: unknown[] = []
const verifier = createVerifier({
  provider: 'captchala',
  appKey: 'k',
  appSecret: 's',
  meter: false,
  fetch: async (_url, init) => {
    verified.push((JSON.parse(String(init?.body)) as { pass_token: string }).pass_token)
    return Response.json({ code: 0, msg: 'ok', data: { valid: true } })
  },
})

describe('Express guard with no body parser: a body past maxBodyBytes', () => {
  let url: string
  let close: () => Promise<void>
  beforeAll(async () => {
    const app = express()
    app.post('/signup', expressGuard({ verifier }), (_req, res) => void res.json({ in: true }))
    app.post(
      '/small',
      expressGuard({ verifier, maxBodyBytes: 64 }),
      (_req, res) => void res.json({ in: true }),
    )
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  })
  afterAll(() => close())

  it('a 1 MiB+ JSON is refused missing_token (not a 500), and the server answers the next request', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(MiB + 10), captchaToken: 'pt_late' })
    const response = await fetch(`${url}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    })
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await answer(response)).toEqual(refused)
    const next = await fetch(`${url}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ captchaToken: 'pt_small' }),
    })
    expect(await answer(next)).toEqual([200, { in: true }])
    expect(verified.splice(0)).toEqual(['pt_small'])
  })

  it('a multipart form with a 1 MiB file is refused missing_token', async () => {
    const form = new FormData()
    form.append('captchaToken', 'pt_in_form')
    form.append('file', new Blob([new Uint8Array(MiB + 1)]), 'big.bin')
    expect(await answer(await fetch(`${url}/signup`, { method: 'POST', body: form }))).toEqual(
      refused,
    )
    expect(verified.splice(0)).toEqual([])
  })

  it('maxBodyBytes sets the cap; a body sent in chunks without a length is cut there too', async () => {
    const body = JSON.stringify({ captchaToken: 'pt_in_body', pad: 'x'.repeat(100) })
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= body.length) return controller.close()
        controller.enqueue(new TextEncoder().encode(body.slice(sent, sent + 16)))
        sent += 16
      },
    })
    const response = await fetch(`${url}/small`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(await answer(response)).toEqual(refused)
    expect(verified.splice(0)).toEqual([])
  })
})

/**
 * A JSON body of `total` bytes made as it is pulled, 64 KiB at a time, its token at the very
 * end; `pulled()` is how much was asked for. Nothing is made before it is read.
 */
function streamedJson(total: number) {
  const head = new TextEncoder().encode('{"pad":"')
  const tail = new TextEncoder().encode('","captchaToken":"pt_at_the_end"}')
  const chunk = new Uint8Array(64 * 1024).fill(0x78)
  let pulled = 0
  let ended = false
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (ended) return controller.close()
      let next = pulled === 0 ? head : chunk
      if (pulled + next.length + tail.length >= total) [next, ended] = [tail, true]
      pulled += next.length
      controller.enqueue(next)
    },
  })
  return { body, pulled: () => pulled }
}

const streamedRequest = (body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  new Request('http://app.example/signup', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit)

describe('readCaptchaToken: a streamed body past maxBodyBytes', () => {
  it('stops pulling at the cap (default 1 MiB) of a 200 MB JSON: no token', async () => {
    const stream = streamedJson(200 * MiB)
    expect(await readCaptchaToken(streamedRequest(stream.body))).toBeUndefined()
    expect(stream.pulled()).toBeGreaterThan(MiB)
    expect(stream.pulled()).toBeLessThan(MiB + 256 * 1024)
  })

  it('takes maxBodyBytes; a body within it is read, and stays readable for the handler', async () => {
    const over = streamedJson(MiB)
    const request = streamedRequest(over.body)
    expect(await readCaptchaToken(request, { maxBodyBytes: 128 * 1024 })).toBeUndefined()
    // The cap, and the stream's read-ahead (a few of its 64 KiB chunks).
    expect(over.pulled()).toBeLessThan(128 * 1024 + 256 * 1024)

    const within = streamedJson(300 * 1024)
    const readable = streamedRequest(within.body)
    expect(await readCaptchaToken(readable, { maxBodyBytes: 512 * 1024 })).toBe('pt_at_the_end')
    const body = (await readable.json()) as { captchaToken: string; pad: string }
    expect(body.captchaToken).toBe('pt_at_the_end')
  })

  it('a declared Content-Length past the cap is not read at all', async () => {
    const stream = streamedJson(2 * MiB)
    const request = streamedRequest(stream.body, { 'content-length': String(2 * MiB) })
    expect(await readCaptchaToken(request)).toBeUndefined()
    expect(stream.pulled()).toBeLessThan(64 * 1024)
  })
})

describe('Hono guard: a streamed body past maxBodyBytes', () => {
  const app = new Hono()
  const handler = async (c: Context) => {
    const body = (await c.req.json()) as { captchaToken?: string }
    return c.json({ in: true, token: body.captchaToken })
  }
  app.post('/signup', honoGuard({ verifier }), handler)
  app.post('/small', honoGuard({ verifier, maxBodyBytes: 512 * 1024 }), handler)

  it('stops pulling at the cap of a 200 MB JSON and refuses missing_token', async () => {
    const stream = streamedJson(200 * MiB)
    expect(await answer(await app.request(streamedRequest(stream.body)))).toEqual(refused)
    expect(stream.pulled()).toBeLessThan(MiB + 256 * 1024)
    expect(verified.splice(0)).toEqual([])
  })

  it('takes maxBodyBytes; within it the handler still reads the body', async () => {
    const over = streamedJson(2 * MiB)
    const request = new Request('http://app.example/small', streamedRequest(over.body))
    expect(await answer(await app.request(request))).toEqual(refused)
    expect(over.pulled()).toBeLessThan(512 * 1024 + 256 * 1024)

    const within = streamedJson(300 * 1024)
    const passing = new Request('http://app.example/small', streamedRequest(within.body))
    expect(await answer(await app.request(passing))).toEqual([
      200,
      { in: true, token: 'pt_at_the_end' },
    ])
    expect(verified.splice(0)).toEqual(['pt_at_the_end'])
  })
})

describe('Hono guard after a middleware that read the body', () => {
  it("takes the token from Hono's cache", async () => {
    const app = new Hono()
    app.post(
      '/signup',
      async (c, next) => {
        await c.req.json()
        await next()
      },
      honoGuard({ verifier }),
      (c) => c.json({ in: true }),
    )
    const response = await app.request('/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ captchaToken: 'pt_cached' }),
    })
    expect(await answer(response)).toEqual([200, { in: true }])
    expect(verified.splice(0)).toEqual(['pt_cached'])
  })
})
