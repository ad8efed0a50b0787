import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import ipaddr from 'ipaddr.js'

/** What a policy counts failures against: `{ ip, account, ... }`; empty values are skipped. */
export type PolicyKeys = Readonly<Record<string, string | null | undefined>>

/**
 * The store keys for `keys`: `name:` and a SHA-256 digest of the value (128 bits, hex), so a
 * store holds no address or account name, every key costs the same, and no chosen value can
 * land on another's key. An `ip` is grouped first: IPv6 by its /64 (one household or server
 * gets a /64, and rotating within it is free), IPv4 as is. Every other value (`account`, ...)
 * is normalized first (`normalizeKey`); one that normalizes to nothing is skipped.
 */
export function storeKeys(keys: PolicyKeys, ipv6Prefix: number): string[] {
  return Object.keys(keys)
    .sort()
    .flatMap((name) => {
      const value = keys[name]
      if (typeof value !== 'string' || !value) return []
      const grouped = name === 'ip' ? groupIp(value, ipv6Prefix) : normalizeKey(value)
      if (!grouped) return []
      return [`${name}:${bytesToHex(sha256(utf8ToBytes(grouped)).subarray(0, 16))}`]
    })
}

// Code points that render as nothing (U+00AD, U+200B-U+200F, U+2060-U+206F, U+FEFF, variation
// selectors, tags, ...): `victim\u200b@example.com` looks like, and is, the victim's account.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu

/**
 * An account name (or any key but `ip`) as one person's spellings of it agree: NFKC (fullwidth
 * `ｖ` is `v`), default-ignorable code points removed, lower-cased (locale-independent), and
 * trimmed. Otherwise `Victim@…`, ` victim@…`, `victim@EXAMPLE.com` or a zero-width space would
 * each start a fresh count against the same account.
 */
export function normalizeKey(value: string): string {
  return value.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().normalize('NFKC').trim()
}

/**
 * The one store key of every request whose `ip` key has no value (`{ ip: null }`), or that has
 * no key with a value at all: such requests are counted together rather than not at all. No
 * `name:digest` key can equal it.
 */
export const UNKNOWN_CLIENT = 'unknown-client'

/** `2001:db8:1:2::/64` for any address in that /64; IPv4 (mapped or not) as is; else the text. */
export function groupIp(value: string, ipv6Prefix: number): string {
  if (!ipaddr.isValid(value)) return value
  const address = ipaddr.process(value)
  if (address.kind() === 'ipv4') return address.toString()
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${ipv6Prefix}`)
  return `${network.toString()}/${ipv6Prefix}`
}
