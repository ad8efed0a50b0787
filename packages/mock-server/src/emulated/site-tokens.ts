import { randomUuid } from '../crypto/bytes'
import type { Signer } from '../crypto/signing'
import type { EmulatedProvider, EmulatedSite } from './sites'

// What each provider's tokens start with, so a token in a log says whose it is.
const TOKEN_PREFIX: Record<EmulatedProvider, string> = {
  turnstile: '0.',
  hcaptcha: 'P1_',
  recaptcha: '03A',
  friendlycaptcha: 'frc2.',
}

/** What a minted token carries for siteverify. */
export interface SiteTokenClaims {
  jti: string
  siteKey: string
  action: string
  cdata: string
  hostname: string
  /** Friendly Captcha: the page's origin (`https://shop.example`), as its siteverify reports it. */
  origin?: string
  issuedAt: number
  expiresAt: number
}

export function mintSiteToken(
  signer: Signer,
  site: EmulatedSite,
  claims: Omit<SiteTokenClaims, 'jti' | 'siteKey'>,
): string {
  return (
    TOKEN_PREFIX[site.provider] +
    signer.sign({
      typ: 'site',
      p: site.provider,
      jti: randomUuid(),
      sk: site.siteKey,
      act: claims.action,
      cd: claims.cdata,
      host: claims.hostname,
      ...(claims.origin !== undefined && { org: claims.origin }),
      iat: claims.issuedAt,
      exp: claims.expiresAt,
    })
  )
}

/** The claims of an intact token this server minted for `provider`; null for anything else. */
export function openSiteToken(
  signer: Signer,
  provider: EmulatedProvider,
  token: string,
): SiteTokenClaims | null {
  const prefix = TOKEN_PREFIX[provider]
  if (!token.startsWith(prefix)) return null
  const claims = signer.open(token.slice(prefix.length))
  if (
    !claims ||
    claims.typ !== 'site' ||
    claims.p !== provider ||
    typeof claims.jti !== 'string' ||
    typeof claims.sk !== 'string' ||
    typeof claims.iat !== 'number' ||
    typeof claims.exp !== 'number'
  ) {
    return null
  }
  return {
    jti: claims.jti,
    siteKey: claims.sk,
    action: String(claims.act ?? ''),
    cdata: String(claims.cd ?? ''),
    hostname: String(claims.host ?? ''),
    ...(typeof claims.org === 'string' && { origin: claims.org }),
    issuedAt: claims.iat,
    expiresAt: claims.exp,
  }
}
