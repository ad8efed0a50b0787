const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`)

/** Canonical text of an IP address: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes `1.2.3.4`. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  return mapped ? mapped[1]! : ip.toLowerCase()
}

/** An IPv4 or IPv6 address, checked without node:net so the emulator also runs in a browser. */
export function isValidIp(ip: string): boolean {
  if (IPV4.test(ip)) return true
  if (!ip.includes(':') || !/^[0-9a-f:.]+$/i.test(ip)) return false
  try {
    // The URL parser implements the IPv6 grammar (compression, embedded IPv4).
    new URL(`http://[${ip}]/`)
    return true
  } catch {
    return false
  }
}
