// Bodies past `maxBodyBytes`: the guards and `readCaptchaToken` stop reading at the cap and
// answer the documented refusal (the body holds no token: 403 `missing_token`), and the
// server stays up. Over real HTTP for Express; with streamed bodies that count what was
// pulled for the Fetch path and Hono.
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireCaptcha as expressGuard } from '../src/express'
import { createVerifier } from '../src/index'

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
