import ipaddr from 'ipaddr.js'

/**
 * Which proxies in front of you to believe: `false` (none: the socket's address is the
 * client), `true` (all), a number of hops, or a list of addresses and CIDR ranges.
 */
export type TrustProxy = boolean | number | readonly string[]

export interface ClientIpOptions {
  trustProxy: TrustProxy
  /**
   * The peer's address when the request object does not carry one: Web `Request`s never do.
   * On Node it is read from `request.socket.remoteAddress`.
   */
  remoteAddress?: string | null
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>
interface NodeLikeRequest {
  headers: Record<string, string | string[] | undefined>
  socket?: { remoteAddress?: string | undefined } | null
}

/**
 * The client's IP address, reading forwarding headers only as far as `trustProxy` allows:
 * walking from the socket leftwards through `Forwarded` / `X-Forwarded-For` (or a lone
 * `X-Real-IP`), the first address not trusted is the client. IPv4-mapped IPv6 becomes IPv4.
 * Null when no trustworthy address is known.
 */
export function getClientIp(
  request: Request | NodeLikeRequest,
  options: ClientIpOptions,
): string | null {
  const headers = request.headers as HeaderBag
  const peer =
    options.remoteAddress ??
    ('socket' in request && request.socket ? request.socket.remoteAddress : undefined)
  const socketAddress = normalize(peer)
  if (!socketAddress) return null
  if (options.trustProxy === false) return socketAddress

  const isTrusted = trustFunction(options.trustProxy)
  // From the socket towards the original client: right-most forwarded address first.
  const chain = [socketAddress, ...forwardedAddresses(headers).reverse()]
  for (let hop = 0; hop < chain.length - 1; hop++) {
    const address = chain[hop]!
    if (!isTrusted(address, hop)) return address
    const next = normalize(chain[hop + 1])
    // A header entry that is not an address ends the walk at the last proxy we believe.
    if (!next) return address
    chain[hop + 1] = next
  }
  return normalize(chain[chain.length - 1]) ?? socketAddress
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
function forwardedAddresses(headers: HeaderBag): string[] {
  const forwarded = header(headers, 'forwarded')
  if (forwarded) {
    return forwarded
      .split(',')
      .map(
        (element) =>
          /(?:^|;)\s*for=("[^"]*"|[^;,\s]*)/i.exec(element)?.[1]?.replace(/"/g, '') ?? '',
      )
  }
  const forwardedFor = header(headers, 'x-forwarded-for')
  if (forwardedFor) return forwardedFor.split(',').map((entry) => entry.trim())
  const realIp = header(headers, 'x-real-ip')
  return realIp ? [realIp.trim()] : []
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
