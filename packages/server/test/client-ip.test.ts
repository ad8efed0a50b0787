import { describe, expect, it } from 'vitest'
import { getClientIp, type TrustProxy } from '../src/index'

const node = (remoteAddress: string, headers: Record<string, string> = {}) => ({
  headers,
  socket: { remoteAddress },
})

const cases: [string, ReturnType<typeof node>, TrustProxy, string | null, string?][] = [
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
    'forwarded',
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
    'X-Real-IP from a trusted proxy, when named',
    node('10.0.0.2', { 'x-real-ip': '203.0.113.1' }),
    ['10.0.0.2'],
    '203.0.113.1',
    'x-real-ip',
  ],
  [
    'X-Real-IP not named: not read',
    node('10.0.0.2', { 'x-real-ip': '203.0.113.1' }),
    ['10.0.0.2'],
    '10.0.0.2',
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
  it.each(cases)('%s', (_name, request, trustProxy, expected, header) => {
    expect(getClientIp(request, { trustProxy, ...(header && { header }) })).toBe(expected)
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

// What the real proxy writes, and what a client adds on top to be taken for someone else.
const CLIENT = '203.0.113.7'
const SPOOF = '6.6.6.6'
const PROXY = '10.0.0.2'
const SPOOFED_EXTRAS: Record<string, string> = {
  forwarded: `for=${SPOOF}`,
  'x-forwarded-for': SPOOF,
  'x-real-ip': SPOOF,
  'cf-connecting-ip': SPOOF,
  'true-client-ip': SPOOF,
  'fly-client-ip': SPOOF,
  'x-vercel-forwarded-for': SPOOF,
}

/** The header as the proxy leaves it: list headers get the client appended after a spoofed entry. */
function written(header: string): Record<string, string> {
  const spoofedByClient = { ...SPOOFED_EXTRAS }
  delete spoofedByClient[header]
  if (header === 'x-forwarded-for') return { ...spoofedByClient, [header]: `${SPOOF}, ${CLIENT}` }
  if (header === 'forwarded')
    return { ...spoofedByClient, [header]: `for=${SPOOF}, for="${CLIENT}:443"` }
  return { ...spoofedByClient, [header]: CLIENT }
}

const HEADERS = Object.keys(SPOOFED_EXTRAS)
const requestKinds = {
  node: (headers: Record<string, string>) => node(PROXY, headers),
  'Fetch Request': (headers: Record<string, string>) =>
    new Request('https://shop.example/signup', { method: 'POST', headers }),
}

describe.each(Object.entries(requestKinds))(
  'getClientIp, %s, spoofed extra headers',
  (_kind, make) => {
    it.each(HEADERS)('header %s: the client, never a header the proxy did not write', (header) => {
      const request = make(written(header))
      for (const trustProxy of [1, [PROXY]] as TrustProxy[]) {
        // A Fetch Request has no peer; the platform's proxy counts as the nearest trusted hop.
        if (Array.isArray(trustProxy) && request instanceof Request) continue
        expect(getClientIp(request, { trustProxy, header })).toBe(CLIENT)
      }
      expect(getClientIp(request, { trustProxy: false, header })).toBe(
        request instanceof Request ? null : PROXY,
      )
    })
  },
)

describe('getClientIp: the reported spoof', () => {
  it('with trustProxy 1 the proxy’s X-Forwarded-For wins over a client’s Forwarded', () => {
    const request = node(PROXY, { 'x-forwarded-for': '5.5.5.5', forwarded: 'for=6.6.6.6' })
    expect(getClientIp(request, { trustProxy: 1 })).toBe('5.5.5.5')
  })

  it('a Next.js route handler’s Request reads the right-most X-Forwarded-For entry', () => {
    const request = new Request('https://shop.example/api', {
      headers: { 'x-forwarded-for': `${SPOOF}, ${CLIENT}` },
    })
    expect(getClientIp(request, { trustProxy: 1 })).toBe(CLIENT)
    expect(getClientIp(request, { trustProxy: true })).toBe(SPOOF)
  })

  it('a single-address header holding a list is not an address', () => {
    const request = node(PROXY, { 'cf-connecting-ip': `${SPOOF}, ${CLIENT}` })
    expect(getClientIp(request, { trustProxy: 1, header: 'cf-connecting-ip' })).toBe(PROXY)
  })
})
