import type { MockApp } from './apps'
import type { Clock } from './clock'
import type { Signer } from './crypto/signing'
import type { ExpiringSet } from './expiring-set'
import type { SiteverifyAnswer, SiteverifyContext } from './emulated/siteverify'
import type { SiteRegistry } from './emulated/sites'
import type { ServerTokenStore } from './server-tokens'

/** The state one emulator keeps, shared by its routes. */
export interface MockContext {
  apps: ReadonlyMap<string, MockApp>
  clock: Clock
  signer: Signer
  /** Pass tokens validated without `keep_token`, by challenge id. */
  consumedTokens: ExpiringSet
  /** Challenges already solved once, by id. */
  solvedChallenges: ExpiringSet
  serverTokens: ServerTokenStore
  /** Turnstile, hCaptcha and reCAPTCHA site keys: the documented test keys, demo keys, the caller's. */
  sites: SiteRegistry
  /** Emulated providers' tokens already verified, by id. */
  redeemedSiteTokens: ExpiringSet
  /** Where notable requests are told (the caller's `log` option), if anywhere. */
  log?: ((line: string) => void) | undefined
  /** Turnstile's answers by idempotency key and token. */
  idempotentAnswers: Map<string, { answer: SiteverifyAnswer; expiresAt: number }>
}

/** What the emulated providers' siteverify endpoints read of the emulator's state. */
export function siteverifyContext(context: MockContext): SiteverifyContext {
  return {
    sites: context.sites,
    signer: context.signer,
    clock: context.clock,
    redeemed: context.redeemedSiteTokens,
    idempotent: context.idempotentAnswers,
  }
}
