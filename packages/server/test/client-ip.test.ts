import { describe, expect, it } from 'vitest'
import { getClientIp, type TrustProxy } from '../src/index'

const node = (remoteAddress: string, headers: Record<string, string> = {}) => ({
  headers,
  socket: { remoteAddress },
})

const cases: [string, ReturnType<typeof node> | Request, TrustProxy, string | null][] = [
  [
    'no proxy trusted: the socket, whatever the headers say',
    node('198.51.100.7', { 'x-forwarded-for': '1.2.3.4' }),
    false,
    '198.51.100.7',
  ],
  [
    'spoofed X-Real-IP ignored without trust',
    node('198.51.100.7', { 'x-real-ip': '1.2.3.4' }),
    false,
    '198.51.100.7',
  ],
  ['IPv4-mapped IPv6 socket normalised', node('::ffff:198.51.100.7'), false, '198.51.100.7'],
  [
    'one trusted hop: the right-most forwarded address',
    node('10.0.0.2', { 'x-forwarded-for': '203.0.113.1, 198.51.100.9' }),
    1,
    '198.51.100.9',
  ],
  [
    'two hops: one further left',
    node('10.0.0.2', { 'x-forwarded-for': '203.0.113.1, 198.51.100.9' }),
    2,
    '203.0.113.1',
  ],
  [
    'more hops than addresses: the left-most',
    node('10.0.0.2', { 'x-forwarded-for': '203.0.113.1' }),
    5,
    '203.0.113.1',
  ],
  [
    'trust all: the left-most',
    node('10.0.0.2', { 'x-forwarded-for': '203.0.113.1, 10.0.0.1' }),
    true,
    '203.0.113.1',
  ],
  [
    'trusted CIDR list stops at the first untrusted',
    node('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.1, 10.0.0.1' }),
    ['10.0.0.0/8'],
    '203.0.113.1',
  ],
  [
    'a spoofed left-most entry is never reached',
    node('10.0.0.2', { 'x-forwarded-for': '127.0.0.1, 203.0.113.1' }),
    ['10.0.0.0/8'],
    '203.0.113.1',
  ],
  [
    'untrusted socket: headers ignored',
    node('192.0.2.50', { 'x-forwarded-for': '1.2.3.4' }),
    ['10.0.0.0/8'],
    '192.0.2.50',
  ],
  [
    'single trusted address',
    node('10.0.0.2', { 'x-forwarded-for': '203.0.113.1' }),
    ['10.0.0.2'],
    '203.0.113.1',
  ],
  [
    'Forwarded header with quoted IPv6 and port',
    node('10.0.0.2', { forwarded: 'for="[2001:db8:cafe::17]:4711";proto=https, for=10.0.0.9' }),
    ['10.0.0.0/8'],
    '2001:db8:cafe::17',
  ],
  [
    'Forwarded wins over X-Forwarded-For',
    node('10.0.0.2', { forwarded: 'for=203.0.113.1', 'x-forwarded-for': '6.6.6.6' }),
    1,
    '203.0.113.1',
  ],
  [
    'IPv4 with a port in X-Forwarded-For',
    node('10.0.0.2', { 'x-forwarded-for': '203.0.113.1:5555' }),
    1,
    '203.0.113.1',
  ],
  [
    'garbage entry ends the walk at the last trusted proxy',
    node('10.0.0.2', { 'x-forwarded-for': '203.0.113.1, not-an-ip' }),
    true,
    '10.0.0.2',
  ],
  [
    'hex-style IPv4 is not an address',
    node('10.0.0.2', { 'x-forwarded-for': '0x7f.1' }),
    1,
    '10.0.0.2',
  ],
  [
    'lone X-Real-IP from a trusted proxy',
    node('10.0.0.2', { 'x-real-ip': '203.0.113.1' }),
    ['10.0.0.2'],
    '203.0.113.1',
  ],
  [
    'IPv4-mapped forwarded address normalised',
    node('10.0.0.2', { 'x-forwarded-for': '::ffff:203.0.113.1' }),
    1,
    '203.0.113.1',
  ],
  [
    'IPv6 socket within an IPv6 range',
    node('fd00::5', { 'x-forwarded-for': '2001:db8::1' }),
    ['fd00::/8'],
    '2001:db8::1',
  ],
  ['no socket address: unknown', node(''), false, null],
]

describe('getClientIp', () => {
  it.each(cases)('%s', (_name, request, trustProxy, expected) => {
    expect(getClientIp(request, { trustProxy })).toBe(expected)
  })

  it('reads Web Requests, with the peer address given by the runtime', () => {
    const request = new Request('https://shop.example/', {
      headers: { 'x-forwarded-for': '203.0.113.1' },
    })
    expect(getClientIp(request, { trustProxy: false })).toBeNull()
    expect(getClientIp(request, { trustProxy: 1, remoteAddress: '10.0.0.2' })).toBe('203.0.113.1')
    expect(getClientIp(request, { trustProxy: false, remoteAddress: '10.0.0.2' })).toBe('10.0.0.2')
  })
})
