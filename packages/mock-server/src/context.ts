import type { MockApp } from './apps'
import type { Clock } from './clock'
import type { ExpiringSet } from './expiring-set'
import type { ServerTokenStore } from './server-tokens'
import type { Signer } from './signing'

/** The state one mock server keeps, shared by its routes. */
export interface MockContext {
  apps: ReadonlyMap<string, MockApp>
  clock: Clock
  signer: Signer
  /** Pass tokens validated without `keep_token`, by challenge id. */
  consumedTokens: ExpiringSet
  /** Challenges already solved once, by id. */
  solvedChallenges: ExpiringSet
  serverTokens: ServerTokenStore
}
