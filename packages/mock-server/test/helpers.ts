import { afterEach } from 'vitest'
import {
  createMockServer,
  findProofOfWork,
  solveChallenge,
  type MockServerOptions,
} from '../src/index'

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

export function validate(url: string, body: unknown, appKey = 'test_pass', path = '/v1/validate') {
  return post(url, path, body, auth(appKey))
}

/** Solves a challenge the way the widget does and returns the mock's raw answer to it. */
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
  return post(url, '/captchala/v1/solve', { challenge, nonce: findProofOfWork(challenge, bits) })
}

/** A pass token for `appKey`, the way a user's backend test gets one. */
export async function passToken(
  url: string,
  appKey = 'test_pass',
  options: { action?: string; serverToken?: string } = {},
) {
  return (await solveChallenge(url, { appKey, ...options })).token
}

/** A form POST to one of the emulated siteverify endpoints, answered as JSON. */
export async function siteverify(url: string, path: string, fields: Record<string, string>) {
  const response = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return (await response.json()) as Record<string, unknown>
}
