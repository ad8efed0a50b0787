import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import { constantTimeEqual } from './constant-time'

/** `hex(HMAC-SHA256(secret, data))`. */
export const hmacHex = (secret: string, data: string | Uint8Array): string =>
  bytesToHex(hmac(sha256, utf8ToBytes(secret), typeof data === 'string' ? utf8ToBytes(data) : data))

/**
 * A token that carries its own fields: `base64url(JSON).hex(HMAC)`, signed with `secret` for
 * one `purpose`, so that a token made for one use (a Cap challenge) is never accepted for
 * another (a redeemed Cap token). Printable ASCII without spaces, as every token must be.
 */
export function signToken(secret: string, purpose: string, fields: object): string {
  const body = base64url(JSON.stringify(fields))
  return `${body}.${hmacHex(secret, `${purpose}.${body}`)}`
}

/**
 * The fields of a token `signToken` made with the same secret and purpose; null for anything
 * else: a forged or altered signature (compared in constant time), or not such a token at all.
 */
export function readToken(
  secret: string,
  purpose: string,
  token: string,
): Record<string, unknown> | null {
  const dot = token.indexOf('.')
  if (dot < 1) return null
  const body = token.slice(0, dot)
  if (!constantTimeEqual(token.slice(dot + 1), hmacHex(secret, `${purpose}.${body}`))) return null
  try {
    const fields = JSON.parse(fromBase64url(body)) as unknown
    return typeof fields === 'object' && fields !== null && !Array.isArray(fields)
      ? (fields as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

const base64url = (text: string): string =>
  btoa(String.fromCharCode(...utf8ToBytes(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

const fromBase64url = (text: string): string =>
  new TextDecoder().decode(
    Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0)),
  )
