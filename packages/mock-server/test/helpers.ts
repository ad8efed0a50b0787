import { createHash } from 'node:crypto'
import { afterEach } from 'vitest'
import { createMockServer, type MockServerOptions } from '../src/index'

const servers: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** A mock server on a free port, closed after the test. */
export async function startMock(options: MockServerOptions = {}) {
  const server = await createMockServer(options)
  servers.push(server)
  return server
}

export interface Answer {
  status: number
  body: { code: number; msg: string; data: Record<string, unknown> }
}

export async function post(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Answer['body'] }
}

export const auth = (appKey = 'test_pass', appSecret = 'test_secret') => ({
  'x-app-key': appKey,
  'x-app-secret': appSecret,
})

export function validate(url: string, body: unknown, appKey = 'test_pass') {
  return post(url, '/v1/validate', body, auth(appKey))
}

/** Solves a challenge the way the widget does, proof of work included, and returns the answer. */
export async function solve(
  url: string,
  appKey = 'test_pass',
  { action, serverToken }: { action?: string; serverToken?: string } = {},
): Promise<Answer> {
  const request: Record<string, string> = { app_key: appKey }
  if (action) request.action = action
  if (serverToken) request.server_token = serverToken
  const issued = await post(url, '/captchala/v1/challenge', request)
  if (issued.body.code !== 0) return issued
  const { challenge, bits } = issued.body.data as { challenge: string; bits: number }
  return post(url, '/captchala/v1/solve', { challenge, nonce: findNonce(challenge, bits) })
}

/** A pass token for `appKey`; fails the test when the mock refuses one. */
export async function passToken(
  url: string,
  appKey = 'test_pass',
  options: { action?: string; serverToken?: string } = {},
) {
  const answer = await solve(url, appKey, options)
  if (answer.body.code !== 0) throw new Error(`no token: ${JSON.stringify(answer.body)}`)
  return answer.body.data.token as string
}

export function findNonce(challenge: string, bits: number): string {
  for (let nonce = 0; ; nonce++) {
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest()
    if (leadingZeroBits(digest) >= bits) return String(nonce)
  }
}

function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0
  for (const byte of bytes) {
    if (byte === 0) {
      bits += 8
      continue
    }
    return bits + Math.clz32(byte) - 24
  }
  return bits
}
