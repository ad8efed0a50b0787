import type { AltchaChallenge } from './altcha'
import type { CapChallenge, CapRedeemResult } from './cap'
import { CaptchalaClient } from './captchala-client'
import { CaptchaConfigError } from './config-error'
import { verifyFriendlyCaptcha } from './friendly-siteverify'
import { instruments, type MetricsOption } from './metrics'
import type { FetchLike } from './post'
import { verifyHcaptcha, verifyRecaptcha, verifyTurnstile } from './providers'
import {
  selfHostedFor,
  type AltchaVerifierConfig,
  type CapVerifierConfig,
  type IssueOptions,
  type SelfHosted,
} from './self-hosted'
import { handleSelfHosted } from './self-hosted-handler'
import type { SiteverifyOptions } from './siteverify'
import { verdictFromSiteverify, verdictFromValidate, type Verdict } from './verdict'
import { VERIFY_ERRORS } from './verify-errors'

export type { AltchaVerifierConfig, CapVerifierConfig, IssueOptions } from './self-hosted'

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

export interface FriendlyCaptchaVerifierConfig extends SiteverifyConfig {
  provider: 'friendlycaptcha'
  /** Recommended: responses solved for another site key are refused (`invalid_site_key`). */
  siteKey?: string | undefined
}

export type VerifierConfig =
  | CaptchalaVerifierConfig
  | TurnstileVerifierConfig
  | HcaptchaVerifierConfig
  | RecaptchaVerifierConfig
  | FriendlyCaptchaVerifierConfig
  | AltchaVerifierConfig
  | CapVerifierConfig

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

/** ALTCHA's verifier also issues the challenges its widget solves. */
export interface AltchaVerifier extends Verifier {
  /** A new signed challenge: answer the widget's challenge URL with it (no caching). */
  issueChallenge(options?: IssueOptions): Promise<AltchaChallenge>
  /** The challenge URL as a Fetch handler: GET or POST answers `issueChallenge(options)`. */
  handle(request: Request, options?: IssueOptions): Promise<Response>
}

/** Cap's verifier also answers its widget's `challenge` and `redeem` requests. */
export interface CapVerifier extends Verifier {
  /** What `POST {endpoint}challenge` answers. */
  issueChallenge(options?: IssueOptions): Promise<CapChallenge>
  /**
   * What `POST {endpoint}redeem` answers, given its JSON body `{ token, solutions }`: a token
   * for the page, or the reason the solutions were refused. Each challenge redeems once, on
   * every instance that shares the store. Never rejects.
   */
  redeemChallenge(body: unknown): Promise<CapRedeemResult>
  /** Both routes as a Fetch handler: `POST …/challenge` and `POST …/redeem`. */
  handle(request: Request, options?: IssueOptions): Promise<Response>
}

type Check = (token: unknown, options: VerifyOptions) => Promise<Verdict>

/** What a config resolves to: how to check a token, and for ALTCHA and Cap their server side. */
interface Backend {
  provider: string
  meter: MetricsOption
  check: Check
  selfHosted?: SelfHosted
}

/**
 * One verifier for CaptchaLa, Turnstile, hCaptcha, reCAPTCHA and Friendly Captcha, over the
 * clients below it; and for ALTCHA and Cap, whose challenges your server issues, the challenge
 * side as well (`issueChallenge`, `handle`), each solution used once through `store`.
 * Give a function instead of the config to defer reading it (and your environment) to the
 * first call: a build without secrets then works, and a missing secret is a verdict
 * (`not_configured`), not a crash.
 * @throws CaptchaConfigError for a config object without its secret, an option out of range,
 * or in a browser.
 */
export function createVerifier(
  config: AltchaVerifierConfig | (() => AltchaVerifierConfig),
): AltchaVerifier
export function createVerifier(config: CapVerifierConfig | (() => CapVerifierConfig)): CapVerifier
export function createVerifier(config: VerifierConfig | (() => VerifierConfig)): Verifier
export function createVerifier(
  config: VerifierConfig | (() => VerifierConfig),
): Verifier | AltchaVerifier | CapVerifier {
  const lazy = typeof config === 'function'
  let backend: Backend | undefined = lazy ? undefined : backendFor(config)
  let provider = lazy ? 'unknown' : config.provider
  let meter = lazy ? undefined : config.meter

  /** The backend, read on first use from a lazy config (and again after it failed). */
  const resolve = (): Backend => {
    if (backend) return backend
    const resolved = (config as () => VerifierConfig)()
    provider = resolved.provider
    meter = resolved.meter
    return (backend = backendFor(resolved))
  }
  const selfHosted = (): SelfHosted => {
    const server = resolve().selfHosted
    if (!server)
      throw new CaptchaConfigError(
        'invalid-option',
        `${provider} issues no challenges of yours: only ALTCHA and Cap do`,
      )
    return server
  }

  const verifier: Verifier = {
    async verify(token, options = {}) {
      const started = performance.now()
      let verdict: Verdict
      try {
        verdict = await resolve().check(token, options)
      } catch (error) {
        const detail = error instanceof CaptchaConfigError ? error.code : 'verifier error'
        verdict = { success: false, error: 'not_configured', detail, provider, raw: null }
      }
      await measure(verdict, performance.now() - started, meter)
      return verdict
    },
  }
  if (!lazy && !backend!.selfHosted) return verifier
  return {
    ...verifier,
    issueChallenge: async (options?: IssueOptions) => selfHosted().issueChallenge(options),
    async redeemChallenge(body: unknown): Promise<CapRedeemResult> {
      const server = selfHosted()
      if (!server.redeemChallenge)
        throw new CaptchaConfigError('invalid-option', 'only Cap redeems challenges')
      return server.redeemChallenge(body)
    },
    handle: (request: Request, options?: IssueOptions) =>
      handleSelfHosted(selfHosted, request, options),
  } as AltchaVerifier & CapVerifier
}

function backendFor(config: VerifierConfig): Backend {
  if (config.provider === 'altcha' || config.provider === 'cap') {
    const server = selfHostedFor(config)
    return {
      provider: config.provider,
      meter: config.meter,
      check: (token, options) =>
        server.verify(token, options.expectedAction, options.expectedHostname),
      selfHosted: server,
    }
  }
  return { provider: config.provider, meter: config.meter, check: checkFor(config) }
}

function checkFor(
  config: Exclude<VerifierConfig, AltchaVerifierConfig | CapVerifierConfig>,
): Check {
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
    const sitekey = 'siteKey' in config && config.siteKey ? { sitekey: config.siteKey } : {}
    const result =
      provider === 'turnstile'
        ? await verifyTurnstile({
            ...shared,
            ...(options.idempotencyKey && { idempotencyKey: options.idempotencyKey }),
          })
        : provider === 'hcaptcha'
          ? await verifyHcaptcha({ ...shared, ...sitekey })
          : provider === 'friendlycaptcha'
            ? await verifyFriendlyCaptcha({ ...shared, ...sitekey })
            : await verifyRecaptcha({
                ...shared,
                ...('minScore' in config &&
                  config.minScore !== undefined && { minScore: config.minScore }),
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
