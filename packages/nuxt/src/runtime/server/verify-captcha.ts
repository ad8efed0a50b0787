import { useRuntimeConfig } from '#imports'
import type { H3Event } from 'h3'
import { createVerifier, getClientIp, type Verdict, type Verifier } from '@passline/server'
import type { PasslinePrivateConfig, PasslinePublicConfig } from '../../options'

export interface VerifyCaptchaOptions {
  /** The action the page asked for; a token solved for another is refused. */
  expectedAction?: string
  /** The hostname the page is served from; a token solved elsewhere is refused. */
  expectedHostname?: string
}

/**
 * `@passline/server`'s `Verdict` (`success`, `error` from `VERIFY_ERRORS`, `detail`,
 * `provider`, `action`, `hostname`, `score`, `uid`, `raw`) with the client IP it was checked
 * for. A result, never an exception: `success` is false on any doubt.
 */
export interface CaptchaVerification extends Verdict {
  /** The client IP read with the configured `trustProxy` / `ipHeader`, null when unknown. */
  clientIp: string | null
  /** @deprecated The verdict itself (null when not configured): read its fields directly. */
  result: Verdict | null
}

// One verifier per provider, key, secret and URLs, made on first use: secrets exist only at
// run time.
const verifiers = new Map<string, Verifier>()

/**
 * Checks a token from the browser with the provider configured in `nuxt.config`, using the
 * secret from `runtimeConfig.passline.secret` (`NUXT_PASSLINE_SECRET`), through
 * `@passline/server`'s `createVerifier`. Call it in a server route before acting on the
 * request. Fails closed: missing configuration (`not_configured`), an outage
 * (`request_failed`) or any doubt is `success: false`.
 */
export async function verifyCaptcha(
  event: H3Event,
  token: unknown,
  options: VerifyCaptchaOptions = {},
): Promise<CaptchaVerification> {
  const config = useRuntimeConfig(event)
  const { provider, siteKey } = config.public.passline as PasslinePublicConfig
  const server = config.passline as PasslinePrivateConfig
  const clientIp = getClientIp(event.node.req, {
    trustProxy: server.trustProxy,
    ...(server.ipHeader && { header: server.ipHeader }),
  })
  if (!server.secret || !siteKey) {
    console.error('[passline] verifyCaptcha: set passline.siteKey and NUXT_PASSLINE_SECRET')
    const verdict: Verdict = { success: false, error: 'not_configured', provider, raw: null }
    return { ...verdict, clientIp, result: null }
  }
  const key = [
    provider,
    siteKey,
    server.secret,
    server.baseUrl,
    server.backupUrl,
    server.siteverifyUrl,
  ].join('\n')
  let verifier = verifiers.get(key)
  if (!verifier) {
    verifier =
      provider === 'captchala'
        ? createVerifier({
            provider,
            appKey: siteKey,
            appSecret: server.secret,
            ...(server.baseUrl && { baseUrl: server.baseUrl }),
            ...(server.backupUrl && { backupUrl: server.backupUrl }),
          })
        : createVerifier({
            provider,
            secret: server.secret,
            // The providers whose siteverify checks the site key: a token solved on another
            // site of the same account is refused.
            ...((provider === 'hcaptcha' || provider === 'friendlycaptcha') && { siteKey }),
            ...(server.siteverifyUrl && { siteverifyUrl: server.siteverifyUrl }),
          })
    verifiers.set(key, verifier)
  }
  const verdict = await verifier.verify(token, { clientIp, ...options })
  return { ...verdict, clientIp, result: verdict }
}
