import ipaddr from 'ipaddr.js'

/**
 * Which proxies in front of you to believe: `false` (none: the socket's address is the
 * client), `true` (all), a number of hops, or a list of addresses and CIDR ranges.
 */
export type TrustProxy = boolean | number | readonly string[]

/** Headers that list every hop, the nearest proxy's entry last. */
type ChainHeader = 'x-forwarded-for' | 'forwarded'

export interface ClientIpOptions {
  trustProxy: TrustProxy
  /**
   * The one header your proxy writes, lower-case; no other forwarding header is ever read, so
   * a client cannot pick the one your proxy leaves alone. `'x-forwarded-for'` (the default) and
   * `'forwarded'` list every hop and are walked as far as `trustProxy` allows. Any other name
   * (`'x-real-ip'`, `'cf-connecting-ip'`, `'x-vercel-forwarded-for'`, `'fly-client-ip'`,
   * `'true-client-ip'`, ...) holds one address that your proxy sets, read when the peer is
   * trusted.
   */
  header?: string
  /**
   * The peer's address when the request object does not carry one (Web `Request`s never do).
   * On Node it is read from `request.socket.remoteAddress`. A Web `Request` without one is
   * taken as having come through the platform's proxy, the nearest trusted hop.
   */
  remoteAddress?: string | null
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>
/** A Fetch `Request`, or anything carrying its `Headers` (Next.js's `headers()` in a server action). */
interface FetchLikeRequest {
  headers: Headers
}
interface NodeLikeRequest {
  headers: Record<string, string | string[] | undefined>
  socket?: { remoteAddress?: string | undefined } | null
}

// Stands for the platform's proxy in front of a Web `Request`: trusted, never returned.
const PLATFORM_PROXY = Symbol('platform proxy')

/**
 * The client's IP address, reading only the header you name and only as far as `trustProxy`
 * allows: walking from the peer leftwards through the hops, the first address not trusted is
 * the client. IPv4-mapped IPv6 becomes IPv4. Null when no trustworthy address is known.
 */
export function getClientIp(
  request: FetchLikeRequest | NodeLikeRequest,
  options: ClientIpOptions,
): string | null {
  const headers = request.headers as HeaderBag
  const nodePeer = 'socket' in request && request.socket ? request.socket.remoteAddress : undefined
  const given = options.remoteAddress ?? nodePeer
  const isWebRequest = typeof (headers as Headers).get === 'function' && !('socket' in request)
  const peer = given ? normalize(given) : isWebRequest ? PLATFORM_PROXY : null
  if (!peer) return null
  if (options.trustProxy === false) return peer === PLATFORM_PROXY ? null : peer

  const isTrusted = trustFunction(options.trustProxy)
  const trusted = (address: string | typeof PLATFORM_PROXY, hop: number) =>
    address === PLATFORM_PROXY || isTrusted(address, hop)
  const name = (options.header ?? 'x-forwarded-for').toLowerCase()
  if (name !== 'x-forwarded-for' && name !== 'forwarded') {
    if (!trusted(peer, 0)) return peer as string
    return normalize(header(headers, name)) ?? (peer === PLATFORM_PROXY ? null : peer)
  }

  // From the peer towards the original client: right-most forwarded address first.
  const chain: (string | typeof PLATFORM_PROXY)[] = [
    peer,
    ...forwardedAddresses(headers, name).reverse(),
  ]
  let last: string | null = peer === PLATFORM_PROXY ? null : peer
  for (let hop = 0; hop < chain.length; hop++) {
    const address = chain[hop]!
    if (!trusted(address, hop)) return address as string
    const next = normalize(chain[hop + 1] as string | undefined)
    // A header entry that is not an address ends the walk at the last proxy we believe.
    if (!next) return last
    chain[hop + 1] = next
    last = next
  }
  return last
}

function trustFunction(
  trust: Exclude<TrustProxy, false>,
): (address: string, hop: number) => boolean {
  if (trust === true) return () => true
  if (typeof trust === 'number') return (_address, hop) => hop < trust
  const ranges = trust.map((entry) => {
    const range = entry.includes('/')
      ? ipaddr.parseCIDR(entry)
      : ipaddr.parseCIDR(`${entry}/${ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128}`)
    return [ipaddr.process(range[0].toString()), range[1]] as const
  })
  return (address) => {
    const parsed = ipaddr.process(address)
    return ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits))
  }
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined
  const value = (headers as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(value) ? value.join(',') : value
}

/** Addresses as the proxies appended them, left (first) to right (last). */
function forwardedAddresses(headers: HeaderBag, name: ChainHeader): string[] {
  const value = header(headers, name)
  if (!value) return []
  if (name === 'x-forwarded-for') return value.split(',').map((entry) => entry.trim())
  return value
    .split(',')
    .map(
      (element) => /(?:^|;)\s*for=("[^"]*"|[^;,\s]*)/i.exec(element)?.[1]?.replace(/"/g, '') ?? '',
    )
}

/** Canonical address text, ports and brackets stripped; null for anything else. */
function normalize(value: string | undefined | null): string | null {
  if (!value) return null
  let text = value.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)
  if (bracketed) text = bracketed[1]!
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'))
  // Only plain dotted quads and IPv6: no `0x7f.1`-style forms a spoofer could slip in.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) return null
  return ipaddr.process(text).toString()
}
