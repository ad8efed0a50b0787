import { isIP } from 'node:net'

/** Canonical text of an IP address: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes `1.2.3.4`. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  return mapped ? mapped[1]! : ip.toLowerCase()
}

export function isValidIp(ip: string): boolean {
  return isIP(ip) !== 0
}
