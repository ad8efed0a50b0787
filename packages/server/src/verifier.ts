import { CaptchalaClient } from './captchala-client'
import { CaptchaConfigError } from './config-error'
import { instruments, type MetricsOption } from './metrics'
import type { FetchLike } from './post'
import { verifyHcaptcha, verifyRecaptcha, verifyTurnstile } from './providers'
import type { SiteverifyOptions } from './siteverify'
import { verdictFromSiteverify, verdictFromValidate, type Verdict } from './verdict'
import { VERIFY_ERRORS } from './verify-errors'

interface CommonConfig {
  /** Per provider call. Default 5000 ms. */
  timeoutMs?: number
  /** Longer answers are refused while they stream. Default 64 KiB. */
  maxResponseBytes?: number
  /** Longer tokens are refused unsent. Default: the provider's, see `MAX_TOKEN_LENGTH`. */
  maxTokenLength?: number
  fetch?: FetchLike
  /** Metrics: unset records on OpenTelemetry's global meter provider; a meter, on it; `false`, none. */
  meter?: MetricsOption
}

export interface CaptchalaVerifierConfig extends CommonConfig {
  provider: 'captchala'
  appKey: string
  appSecret: string
  /** Default `https://apiv1.captcha.la`; `@passline/mock-server`'s URL in tests. */
  baseUrl?: string | undefined
  backupUrl?: string | undefined
  /** Accept `client_` tokens (checked only in the browser). Default false. */
  acceptClientOnly?: boolean
}

interface SiteverifyConfig extends CommonConfig {
  /** The provider's secret key. */
  secret: string
  /** The siteverify endpoint: `@passline/mock-server`'s, a proxy. Default the provider's. */
  siteverifyUrl?: string | undefined
}

export interface TurnstileVerifierConfig extends SiteverifyConfig {
  provider: 'turnstile'
}

export interface HcaptchaVerifierConfig extends SiteverifyConfig {
  provider: 'hcaptcha'
  /** Recommended: tokens minted for another site key are refused (`site_key_mismatch`). */
  siteKey?: string | undefined
}

export interface RecaptchaVerifierConfig extends SiteverifyConfig {
  provider: 'recaptcha'
  /** v3: the lowest score to accept, 0.0 (bot) to 1.0 (human); Google suggests 0.5. */
  minScore?: number
}

export type VerifierConfig =
  | CaptchalaVerifierConfig
  | TurnstileVerifierConfig
  | HcaptchaVerifierConfig
  | RecaptchaVerifierConfig

export interface VerifyOptions {
  /** The action your page asked for; another one is `token_action_mismatch`. hCaptcha has none. */
  expectedAction?: string | undefined
  /** The hostname your page is served from; another one is `token_hostname_mismatch`. */
  expectedHostname?: string | undefined
  /** Sent to the provider (CaptchaLa records it; siteverify's `remoteip`). */
  clientIp?: string | null | undefined
  /** Aborting it ends the call: `request_failed`, detail `aborted`. */
  signal?: AbortSignal | undefined
  /** Turnstile: a UUID; a retried request with the same key gets the same answer. */
  idempotencyKey?: string | undefined
}

export interface Verifier {
  /** Checks a token from the browser. Resolves with a `Verdict`, never rejects. */
  verify(token: unknown, options?: VerifyOptions): Promise<Verdict>
}

type Check = (token: unknown, options: VerifyOptions) => Promise<Verdict>

/**
 * One verifier for CaptchaLa, Turnstile, hCaptcha and reCAPTCHA, over the clients below it.
 * Give a function instead of the config to defer reading it (and your environment) to the
 * first `verify()`: a build without secrets then works, and a missing secret is a verdict
 * (`not_configured`), not a crash.
 * @throws CaptchaConfigError for a config object without its secret, or in a browser.
 */
export function createVerifier(config: VerifierConfig | (() => VerifierConfig)): Verifier {
  let check: Check | undefined = typeof config === 'function' ? undefined : checkFor(config)
  let provider = typeof config === 'function' ? 'unknown' : config.provider
  let meter = typeof config === 'function' ? undefined : config.meter

  return {
    async verify(token, options = {}) {
      const started = performance.now()
      let verdict: Verdict
      try {
        if (!check && typeof config === 'function') {
          const resolved = config()
          provider = resolved.provider
          meter = resolved.meter
          check = checkFor(resolved)
        }
        verdict = await check!(token, options)
      } catch (error) {
        const detail = error instanceof CaptchaConfigError ? error.code : 'verifier error'
        verdict = { success: false, error: 'not_configured', detail, provider, raw: null }
      }
      await measure(verdict, performance.now() - started, meter)
      return verdict
    },
  }
}

function checkFor(config: VerifierConfig): Check {
  const common = {
    ...(config.timeoutMs !== undefined && { timeoutMs: config.timeoutMs }),
    ...(config.maxResponseBytes !== undefined && { maxResponseBytes: config.maxResponseBytes }),
    ...(config.maxTokenLength !== undefined && { maxTokenLength: config.maxTokenLength }),
    ...(config.fetch && { fetch: config.fetch }),
  }
  if (config.provider === 'captchala') {
    const client = new CaptchalaClient({
      appKey: config.appKey,
      appSecret: config.appSecret,
      ...(config.baseUrl && { baseUrl: config.baseUrl }),
      ...(config.backupUrl && { backupUrl: config.backupUrl }),
      ...(config.acceptClientOnly && { acceptClientOnly: true }),
      ...common,
    })
    return async (token, options) => {
      const verdict = verdictFromValidate(
        await client.validate(token, {
          clientIp: options.clientIp ?? null,
          ...(options.expectedAction !== undefined && { expectedAction: options.expectedAction }),
          ...(options.signal && { signal: options.signal }),
        }),
      )
      const { expectedHostname } = options
      if (
        verdict.success &&
        expectedHostname !== undefined &&
        verdict.hostname !== expectedHostname
      )
        return { ...verdict, success: false, error: 'token_hostname_mismatch' }
      return verdict
    }
  }
  if (!config.secret)
    throw new CaptchaConfigError(
      'missing-secret',
      `createVerifier(${config.provider}) needs a secret`,
    )
  const { provider, secret } = config
  return async (token, options) => {
    const shared: SiteverifyOptions = {
      secret,
      token,
      remoteIp: options.clientIp ?? null,
      ...common,
      ...(config.siteverifyUrl && { url: config.siteverifyUrl }),
      ...(options.expectedAction !== undefined && { expectedAction: options.expectedAction }),
      ...(options.expectedHostname !== undefined && {
        expectedHostname: options.expectedHostname,
      }),
      ...(options.signal && { signal: options.signal }),
    }
    const result =
      provider === 'turnstile'
        ? await verifyTurnstile({
            ...shared,
            ...(options.idempotencyKey && { idempotencyKey: options.idempotencyKey }),
          })
        : provider === 'hcaptcha'
          ? await verifyHcaptcha({ ...shared, ...(config.siteKey && { sitekey: config.siteKey }) })
          : await verifyRecaptcha({
              ...shared,
              ...(config.minScore !== undefined && { minScore: config.minScore }),
            })
    return verdictFromSiteverify(provider, result)
  }
}

async function measure(verdict: Verdict, milliseconds: number, meter: MetricsOption) {
  const recorder = await instruments(meter)
  if (!recorder) return
  try {
    const attributes = {
      provider: verdict.provider,
      result: verdict.success ? 'success' : 'failure',
    }
    recorder.duration.record(milliseconds / 1000, attributes)
    // A new object: the SDK may keep the one it was given.
    recorder.validations.add(
      1,
      verdict.error
        ? { ...attributes, 'error.type': verdict.error, 'error.kind': VERIFY_ERRORS[verdict.error] }
        : attributes,
    )
  } catch {
    // A broken metrics SDK must not fail a verification.
  }
}
