import { describe, expect, it } from 'vitest'
import { passToken, startMock, validate } from './helpers'

interface Case {
  name: string
  path?: string
  method?: string
  headers?: Record<string, string>
  /** Sent as it is; objects are JSON-encoded. */
  body?: unknown
  status: number
  error: string
}

const json = { 'content-type': 'application/json' }
const good = { ...json, 'x-app-key': 'test_pass', 'x-app-secret': 'test_secret' }

const badJson = [
  '{',
  '{"pass_token":}',
  '[1,2',
  'nul',
  '"',
  '{"a":1,}',
  '{}}',
  '}{',
  '{"pass_token":"x"',
  "{'pass_token':'x'}",
]
const notObjects = ['[]', '"pt_x"', '42', 'null', 'true']
const wrongValidateFields: [string, unknown][] = [
  ['pass_token', 1],
  ['pass_token', true],
  ['pass_token', null],
  ['pass_token', { t: 'x' }],
  ['pass_token', ['pt_x']],
  ['pass_token', 'p'.repeat(5000)],
  ['keep_token', 'yes'],
  ['keep_token', 1],
  ['action', 7],
  ['uid', {}],
]
const wrongIssueFields: [Record<string, unknown>, string][] = [
  [{ action: 5 }, 'invalid_request'],
  [{ action: 'login', ttl: '60' }, 'invalid_request'],
  [{ action: 'login', ttl: 0 }, 'invalid_request'],
  [{ action: 'login', ttl: -1 }, 'invalid_request'],
  [{ action: 'login', ttl: 1.5 }, 'invalid_request'],
  [{ action: 'login', max_uses: 0 }, 'invalid_request'],
  [{ action: 'login', max_uses: '2' }, 'invalid_request'],
  [{ action: 'login', binding_ip: '300.1.1.1' }, 'invalid_request'],
  [{ action: 'login', bind_uid: '' }, 'invalid_request'],
  [{ action: 'login', bind_uid: 42 }, 'invalid_request'],
  [{ action: 'bad action!' }, 'invalid_action'],
]

const cases: Case[] = [
  ...badJson.map((body) => ({
    name: `bad JSON ${body}`,
    headers: good,
    body,
    status: 400,
    error: 'invalid_request',
  })),
  ...notObjects.map((body) => ({
    name: `body ${body}`,
    headers: good,
    body,
    status: 400,
    error: 'invalid_request',
  })),
  ...wrongValidateFields.map(([field, value]) => ({
    name: `validate ${field}=${JSON.stringify(value).slice(0, 20)}`,
    headers: good,
    body: { pass_token: 'pt_x', [field]: value },
    status: 400,
    error: 'invalid_request',
  })),
  ...wrongIssueFields.map(([body, error]) => ({
    name: `issue ${JSON.stringify(body)}`,
    path: '/v1/server/challenge/issue',
    headers: good,
    body,
    status: 400,
    error,
  })),
  {
    name: 'text/plain body',
    headers: { ...good, 'content-type': 'text/plain' },
    body: 'pass_token=x',
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    name: 'form body',
    headers: { ...good, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'pass_token=x',
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    name: 'XML body',
    headers: { ...good, 'content-type': 'application/xml' },
    body: '<x/>',
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    name: 'multipart body',
    headers: { ...good, 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x--',
    status: 415,
    error: 'unsupported_media_type',
  },
  {
    name: 'no body at all',
    headers: { 'x-app-key': 'test_pass', 'x-app-secret': 'test_secret' },
    status: 400,
    error: 'invalid_request',
  },
  { name: 'empty JSON body', headers: good, body: '', status: 400, error: 'invalid_request' },
  {
    name: '20 KB of JSON',
    headers: good,
    body: { pass_token: 'pt_x', pad: 'x'.repeat(20_000) },
    status: 413,
    error: 'payload_too_large',
  },
  {
    name: '1 MB of JSON',
    headers: good,
    body: { pad: 'x'.repeat(1_000_000) },
    status: 413,
    error: 'payload_too_large',
  },
  {
    name: 'no X-App-Key',
    headers: { ...json, 'x-app-secret': 'test_secret' },
    body: { pass_token: 'pt_x' },
    status: 401,
    error: 'invalid_app_key',
  },
  {
    name: 'no X-App-Secret',
    headers: { ...json, 'x-app-key': 'test_pass' },
    body: { pass_token: 'pt_x' },
    status: 401,
    error: 'invalid_app_secret',
  },
  {
    name: 'unknown app key',
    headers: { ...good, 'x-app-key': 'who' },
    body: { pass_token: 'pt_x' },
    status: 401,
    error: 'invalid_app_key',
  },
  {
    name: 'empty app key',
    headers: { ...good, 'x-app-key': '' },
    body: { pass_token: 'pt_x' },
    status: 401,
    error: 'invalid_app_key',
  },
  {
    name: 'wrong secret',
    headers: { ...good, 'x-app-secret': 'test_secreT' },
    body: { pass_token: 'pt_x' },
    status: 401,
    error: 'invalid_app_secret',
  },
  {
    name: 'secret with a prefix of the right one',
    headers: { ...good, 'x-app-secret': 'test' },
    body: { pass_token: 'pt_x' },
    status: 401,
    error: 'invalid_app_secret',
  },
  {
    name: 'issue without credentials',
    path: '/v1/server/challenge/issue',
    headers: json,
    body: { action: 'login' },
    status: 401,
    error: 'invalid_app_key',
  },
  {
    name: 'session without app_key',
    path: '/captchala/v1/session',
    headers: json,
    body: {},
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'session app_key number',
    path: '/captchala/v1/session',
    headers: json,
    body: { app_key: 1 },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'session server_token number',
    path: '/captchala/v1/session',
    headers: json,
    body: { app_key: 'test_pass', server_token: 1 },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'challenge for unknown app',
    path: '/captchala/v1/challenge',
    headers: json,
    body: { app_key: 'nope' },
    status: 400,
    error: 'invalid_app_key',
  },
  {
    name: 'solve without nonce',
    path: '/captchala/v1/solve',
    headers: json,
    body: { challenge: 'a.b' },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'solve challenge number',
    path: '/captchala/v1/solve',
    headers: json,
    body: { challenge: 1, nonce: '1' },
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'solve garbage challenge',
    path: '/captchala/v1/solve',
    headers: json,
    body: { challenge: 'garbage', nonce: '1' },
    status: 400,
    error: 'challenge_invalid',
  },
  {
    name: 'solve bad JSON',
    path: '/captchala/v1/solve',
    headers: json,
    body: '{"challenge"',
    status: 400,
    error: 'invalid_request',
  },
  {
    name: 'unknown path',
    path: '/v2/validate',
    headers: good,
    body: {},
    status: 404,
    error: 'not_found',
  },
  {
    name: 'GET on a POST route',
    path: '/v1/validate',
    method: 'GET',
    headers: good,
    status: 404,
    error: 'not_found',
  },
  {
    name: 'script with a bad status',
    path: '/captchala.js?status=abc',
    method: 'GET',
    status: 400,
    error: 'invalid_request',
  },
]

describe('malformed requests', () => {
  it(`answers all ${cases.length} with a 4xx in the envelope, and keeps serving`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(50)
    const mock = await startMock()
    const seen: string[] = []
    for (const testCase of cases) {
      const response = await fetch(mock.url + (testCase.path ?? '/v1/validate'), {
        method: testCase.method ?? 'POST',
        headers: testCase.headers,
        body:
          testCase.body === undefined
            ? undefined
            : typeof testCase.body === 'string'
              ? testCase.body
              : JSON.stringify(testCase.body),
      })
      const body = (await response.json()) as { code: number; msg: string; data: { error: string } }
      seen.push(`${testCase.name}: ${response.status} ${body.data?.error}`)
      expect({
        name: testCase.name,
        status: response.status,
        code: body.code,
        error: body.data.error,
      }).toEqual({
        name: testCase.name,
        status: testCase.status,
        code: testCase.status,
        error: testCase.error,
      })
      expect(body.msg).toEqual(expect.any(String))
    }
    expect(seen).toHaveLength(cases.length)
    // Still serving, and nothing above consumed anything.
    const token = await passToken(mock.url)
    expect((await validate(mock.url, { pass_token: token })).body.data.valid).toBe(true)
  })
})
