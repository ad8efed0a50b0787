import { useRuntimeConfig } from '#imports'
import type { H3Event } from 'h3'
import {
  CaptchalaClient,
  getClientIp,
  verifyHcaptcha,
  verifyRecaptcha,
  verifyTurnstile,
  type ValidateResult,
  type VerifyResult,
} from '@passline/server'
import type { PasslinePrivateConfig, PasslinePublicConfig } from '../../options'

export interface VerifyCaptchaOptions {
  /** The action the page asked for; a token solved for another is refused. */
  expectedAction?: string
}

/** One answer for every provider. A result, never an exception: `success` is false on any doubt. */
export interface CaptchaVerification {
  success: boolean
  /** The provider's code (`token_expired`, `timeout-or-duplicate`, ...), `request_failed`, or `not_configured`. */
  error?: string
  provider: PasslinePublicConfig['provider']
  /** The client IP read with the configured `trustProxy` / `ipHeader`, null when unknown. */
  clientIp: string | null
  /** The provider's full answer: a `ValidateResult` for CaptchaLa, a `VerifyResult` otherwise. */
  result: ValidateResult | VerifyResult | null
}

// One client per app key and secret, made on first use: secrets exist only at run time.
const clients = new Map<string, CaptchalaClient>()

/**
 * Checks a token from the browser with the provider configured in `nuxt.config`, using the
 * secret from `runtimeConfig.passline.secret` (`NUXT_PASSLINE_SECRET`). Call it in a server
 * route before acting on the request. Fails closed: missing configuration, a network failure
 * or any doubt is `success: false`.
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
  const base = { provider, clientIp }
  if (!server.secret || !siteKey) {
    console.error('[passline] verifyCaptcha: set passline.siteKey and NUXT_PASSLINE_SECRET')
    return { ...base, success: false, error: 'not_configured', result: null }
  }
  const { expectedAction } = options

  if (provider === 'captchala') {
    const key = `${siteKey}\n${server.secret}\n${server.baseUrl}\n${server.backupUrl}`
    let client = clients.get(key)
    if (!client) {
      client = new CaptchalaClient({
        appKey: siteKey,
        appSecret: server.secret,
        ...(server.baseUrl && { baseUrl: server.baseUrl }),
        ...(server.backupUrl && { backupUrl: server.backupUrl }),
      })
      clients.set(key, client)
    }
    const result = await client.validate(token, {
      clientIp,
      ...(expectedAction !== undefined && { expectedAction }),
    })
    return { ...base, success: result.valid, ...(result.error && { error: result.error }), result }
  }

  const verify = {
    turnstile: verifyTurnstile,
    hcaptcha: verifyHcaptcha,
    recaptcha: verifyRecaptcha,
  }[provider]
  const result = await verify({
    secret: server.secret,
    token,
    remoteIp: clientIp,
    ...(expectedAction !== undefined && { expectedAction }),
    ...(server.siteverifyUrl && { url: server.siteverifyUrl }),
    ...(provider === 'hcaptcha' && { sitekey: siteKey }),
  })
  return {
    ...base,
    success: result.success,
    ...(result.errorCodes[0] && { error: result.errorCodes[0] }),
    result,
  }
}
