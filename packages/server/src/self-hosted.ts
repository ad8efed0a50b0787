import { ALTCHA_ALGORITHMS, subtleCrypto, type AltchaAlgorithm } from './altcha-derive'
import {
  checkAltchaPayload,
  issueAltchaChallenge,
  type AltchaChallenge,
  type AltchaSettings,
} from './altcha'
import {
  checkCapSolutions,
  issueCapChallenge,
  issueCapToken,
  readCapToken,
  type CapChallenge,
  type CapRedeemResult,
  type CapSettings,
} from './cap'
import { CaptchaConfigError } from './config-error'
import { memoryStore } from './memory-store'
import type { MetricsOption } from './metrics'
import type { PolicyStore } from './policy-store'
import { MAX_TOKEN_LENGTH, tokenProblem, tokenProblemDetail } from './token-shape'
import type { Verdict } from './verdict'
import type { VerifyError } from './verify-errors'

interface SelfHostedConfig {
  /** Signs every challenge and token (HMAC-SHA256). Long and random; the same on every instance. */
  secret: string
  /**
   * Where used solutions are recorded until they expire: `memoryStore()` (the default, this
   * process only) or `redisStore(client)` for many instances, the store your policy uses.
   */
  store?: PolicyStore
  /** Time source, epoch ms; inject one in tests. Default `Date.now`. */
  now?: () => number
  /** Longer tokens are refused before anything else. Default: `MAX_TOKEN_LENGTH`. */
  maxTokenLength?: number
  /** Metrics: unset records on OpenTelemetry's global meter provider; a meter, on it; `false`, none. */
  meter?: MetricsOption
}

export interface AltchaVerifierConfig extends SelfHostedConfig {
  provider: 'altcha'
  /** Default `'PBKDF2/SHA-256'`, ALTCHA's own default. */
  algorithm?: AltchaAlgorithm
  /** Iterations of each key derivation. Default 5000. */
  cost?: number
  /**
   * The difficulty: the counter the browser must count up to, drawn from this range (so about
   * that many key derivations). Default `{ min: 5000, max: 10000 }`, as ALTCHA's docs set it.
   */
  counter?: { min: number; max: number }
  /** How long a challenge (and so its payload) lasts. Default 600 (10 minutes). */
  challengeTtlSeconds?: number
}

export interface CapVerifierConfig extends SelfHostedConfig {
  provider: 'cap'
  /** Puzzles per challenge. Default 50, as Cap's server. */
  challengeCount?: number
  /** Characters of each puzzle's salt. Default 32. */
  challengeSize?: number
  /** Hex characters each puzzle's hash must start with: the difficulty. Default 4. */
  challengeDifficulty?: number
  /** How long a challenge may take to be redeemed. Default 600 (10 minutes), as Cap's. */
  challengeTtlSeconds?: number
  /** How long a redeemed token is valid. Default 1200 (20 minutes), as Cap's. */
  tokenTtlSeconds?: number
}

export interface IssueOptions {
  /** Signed into the challenge and what it yields; checked by `verify`'s `expectedAction`. */
  action?: string | undefined
}

/** A self-hosted provider's server side, its settings read and checked. */
export interface SelfHosted {
  verify(
    token: unknown,
    expectedAction: string | undefined,
    expectedHostname: string | undefined,
  ): Promise<Verdict>
  issueChallenge(options?: IssueOptions): Promise<AltchaChallenge | CapChallenge>
  redeemChallenge?(body: unknown): Promise<CapRedeemResult>
}

// Instances' clocks may differ a little: a used solution is kept this much past its expiry.
const CLOCK_SLACK_MS = 60_000

/** @throws CaptchaConfigError for a missing secret, an option out of range, or no Web Crypto. */
export function selfHostedFor(config: AltchaVerifierConfig | CapVerifierConfig): SelfHosted {
  const { provider } = config
  if (!config.secret)
    throw new CaptchaConfigError('missing-secret', `createVerifier(${provider}) needs a secret`)
  const store = config.store ?? memoryStore()
  if (typeof store.setIfAbsent !== 'function')
    throw new CaptchaConfigError(
      'invalid-option',
      `createVerifier(${provider}): the store must implement setIfAbsent (memoryStore and redisStore do)`,
    )
  const now = config.now ?? Date.now
  const maxTokenLength = config.maxTokenLength ?? MAX_TOKEN_LENGTH[provider]

  /** The token's shape, its check, its action, then its single use, in that order. */
  const verify = async (
    token: unknown,
    check: (token: string) => Promise<Checked>,
    expectedAction: string | undefined,
    expectedHostname: string | undefined,
  ): Promise<Verdict> => {
    const fail = (error: VerifyError, detail?: string): Verdict => ({
      success: false,
      error,
      ...(detail && { detail }),
      provider,
      raw: null,
    })
    const problem = tokenProblem(token, maxTokenLength)
    if (problem === 'missing') return fail('missing_token')
    if (problem)
      return fail(
        problem === 'too-long' ? 'token_too_long' : 'invalid_token',
        tokenProblemDetail(problem, maxTokenLength),
      )
    const checked = await check(token as string)
    if (!checked.ok) return fail(checked.error, checked.detail)
    const action = checked.action === undefined ? {} : { action: checked.action }
    if (expectedAction !== undefined && checked.action !== expectedAction)
      return { ...fail('token_action_mismatch', `action ${checked.action ?? 'none'}`), ...action }
    // Self-hosted challenges do not say where they were solved.
    if (expectedHostname !== undefined)
      return { ...fail('token_hostname_mismatch', 'no hostname known'), ...action }
    const first = await useOnce(checked.key, checked.expiresAt)
    if (first === 'error') return fail('request_failed', 'store error')
    if (!first) return { ...fail('token_consumed'), ...action }
    return { success: true, provider, raw: null, ...action }
  }

  /** Records `key` as used until it expires: true the first time, on any instance. */
  const useOnce = async (key: string, expiresAt: number): Promise<boolean | 'error'> => {
    const at = now()
    try {
      return await store.setIfAbsent!(key, at, Math.max(0, expiresAt - at) + CLOCK_SLACK_MS)
    } catch {
      return 'error'
    }
  }

  if (provider === 'altcha') {
    const settings = altchaSettings(config as AltchaVerifierConfig)
    return {
      verify: (token, expectedAction, expectedHostname) =>
        verify(
          token,
          async (payload) => {
            const checked = await checkAltchaPayload(settings, payload, now())
            return checked.ok
              ? {
                  ok: true,
                  key: `altcha:${checked.id}`,
                  expiresAt: checked.expiresAtMs,
                  action: checked.action,
                }
              : checked
          },
          expectedAction,
          expectedHostname,
        ),
      issueChallenge: (options = {}) => issueAltchaChallenge(settings, now(), options.action),
    }
  }

  const settings = capSettings(config as CapVerifierConfig)
  return {
    verify: (token, expectedAction, expectedHostname) =>
      verify(
        token,
        async (value) => {
          const read = readCapToken(settings.secret, value)
          if (!read)
            return { ok: false, error: 'invalid_token', detail: 'not a token of this server' }
          if (read.expires < now())
            return { ok: false, error: 'token_expired', detail: 'token expired' }
          return {
            ok: true,
            key: `cap:token:${read.id}`,
            expiresAt: read.expires,
            action: read.action,
          }
        },
        expectedAction,
        expectedHostname,
      ),
    issueChallenge: async (options = {}) => issueCapChallenge(settings, now(), options.action),
    async redeemChallenge(body) {
      const solved = checkCapSolutions(settings, body, now())
      if (!solved.ok) return { success: false, error: solved.error }
      const first = await useOnce(`cap:challenge:${solved.nonce}`, solved.expires)
      if (first === 'error') return { success: false, error: 'nonce_store_error' }
      if (!first) return { success: false, error: 'already_redeemed' }
      return { success: true, ...issueCapToken(settings, now(), solved.action) }
    },
  }
}

type Checked =
  | { ok: true; key: string; expiresAt: number; action: string | undefined }
  | { ok: false; error: VerifyError; detail: string }

function altchaSettings(config: AltchaVerifierConfig): AltchaSettings {
  if (!subtleCrypto())
    throw new CaptchaConfigError(
      'unsupported-runtime',
      'createVerifier(altcha) needs Web Crypto (crypto.subtle), which this runtime lacks',
    )
  const algorithm = config.algorithm ?? 'PBKDF2/SHA-256'
  if (!(ALTCHA_ALGORITHMS as readonly string[]).includes(algorithm))
    throw invalid('altcha', 'algorithm', algorithm)
  const counter = config.counter ?? { min: 5_000, max: 10_000 }
  if (!isCount(counter.min, 0) || !isCount(counter.max, counter.min) || counter.max > 0xffffffff)
    throw invalid('altcha', 'counter', JSON.stringify(counter))
  return {
    secret: config.secret,
    algorithm,
    cost: count('altcha', 'cost', config.cost, 5_000),
    counter,
    challengeTtlSeconds: count('altcha', 'challengeTtlSeconds', config.challengeTtlSeconds, 600),
  }
}

function capSettings(config: CapVerifierConfig): CapSettings {
  return {
    secret: config.secret,
    challengeCount: count('cap', 'challengeCount', config.challengeCount, 50),
    challengeSize: count('cap', 'challengeSize', config.challengeSize, 32),
    challengeDifficulty: count('cap', 'challengeDifficulty', config.challengeDifficulty, 4),
    challengeTtlSeconds: count('cap', 'challengeTtlSeconds', config.challengeTtlSeconds, 600),
    tokenTtlSeconds: count('cap', 'tokenTtlSeconds', config.tokenTtlSeconds, 1_200),
  }
}

const isCount = (value: unknown, min: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min

/** A positive whole number, or its default. */
function count(provider: string, name: string, value: number | undefined, fallback: number) {
  if (value === undefined) return fallback
  if (!isCount(value, 1)) throw invalid(provider, name, String(value))
  return value
}

const invalid = (provider: string, name: string, value: string) =>
  new CaptchaConfigError('invalid-option', `createVerifier(${provider}): invalid ${name}: ${value}`)
