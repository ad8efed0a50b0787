import { randomBytes, toHex } from './crypto/bytes'
import type { Clock } from './clock'
import { normalizeIp } from './ip'

export interface ServerTokenGrant {
  app: string
  action: string
  bindingIp: string | null
  uid: string | null
  maxUses: number
  uses: number
  expiresAt: number
}

export interface IssueRequest {
  app: string
  action: string
  bindingIp?: string | undefined
  uid?: string | undefined
  ttlSeconds: number
  maxUses: number
}

export type ServerTokenProblem =
  | 'server_token_invalid'
  | 'server_token_app_mismatch'
  | 'server_token_expired'
  | 'server_token_exhausted'
  | 'server_token_binding_mismatch'

/** Server-issued challenge tokens (`sct_...`): who may use them, how often, until when. */
export function createServerTokenStore(clock: Clock) {
  const grants = new Map<string, ServerTokenGrant>()

  const sweep = () => {
    const now = clock.now()
    for (const [token, grant] of grants) if (grant.expiresAt <= now) grants.delete(token)
  }

  return {
    issue(request: IssueRequest): { token: string; grant: ServerTokenGrant } {
      if (grants.size >= 1024) sweep()
      const token = `sct_${toHex(randomBytes(16))}`
      const grant: ServerTokenGrant = {
        app: request.app,
        action: request.action,
        bindingIp: request.bindingIp ? normalizeIp(request.bindingIp) : null,
        uid: request.uid ?? null,
        maxUses: request.maxUses,
        uses: 0,
        expiresAt: clock.now() + request.ttlSeconds * 1000,
      }
      grants.set(token, grant)
      return { token, grant }
    },

    /** Why `token` may not be used by `app` from `ip` now, or the grant when it may. */
    check(token: string, app: string, ip: string): ServerTokenGrant | ServerTokenProblem {
      const grant = grants.get(token)
      if (!grant) return 'server_token_invalid'
      if (grant.app !== app) return 'server_token_app_mismatch'
      if (grant.expiresAt <= clock.now()) return 'server_token_expired'
      if (grant.uses >= grant.maxUses) return 'server_token_exhausted'
      if (grant.bindingIp && grant.bindingIp !== normalizeIp(ip))
        return 'server_token_binding_mismatch'
      return grant
    },

    /** Counts one solved challenge against the grant. */
    use(grant: ServerTokenGrant) {
      grant.uses += 1
    },
  }
}

export type ServerTokenStore = ReturnType<typeof createServerTokenStore>
