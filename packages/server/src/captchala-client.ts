import { knownCaptchalaError, type CaptchalaError } from './captchala-errors'
import { assertServerSide, CaptchaConfigError } from './config-error'
import { joinDetail, sanitizeDetail } from './detail'
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  failureDetail,
  isRecord,
  post,
  type FetchLike,
  type PostOutcome,
} from './post'
import { MAX_TOKEN_LENGTH, tokenProblem, tokenProblemDetail } from './token-shape'

export interface CaptchalaClientOptions {
  appKey: string
  appSecret: string
  /** Default `https://apiv1.captcha.la`; point it at `@passline/mock-server` in tests. */
  baseUrl?: string
  /** Where `offline_` tokens are validated. Default `https://fallbackapiv1.captchala.com`. */
  backupUrl?: string
  /** Per request. Default 5000 ms. */
  timeoutMs?: number
  /** Answers longer than this are refused while they stream (`request_failed`). Default 64 KiB. */
  maxResponseBytes?: number
  fetch?: FetchLike
  /** Longer pass tokens are refused unsent (`token_too_long`). Default 4096. */
  maxTokenLength?: number
  /** Accept `client_` tokens (checked only in the browser) as valid. Default false. */
  acceptClientOnly?: boolean
}

export interface ValidateOptions {
  /** Leave the token usable for another validation. */
  keepToken?: boolean
  /**
   * The user's IP, informational: CaptchaLa records it in `captcha_args` and, since its SDKs'
   * 1.2.2, does not use it to pass or fail a token (it refused real users behind CDNs and on
   * dual-stack networks). Binding to an IP is the server token's `bindingIp`.
   */
  clientIp?: string | null
  /** The action your page asked for; another one is `token_action_mismatch`. */
  expectedAction?: string
  /** Aborting it ends the call: `request_failed`, detail `aborted`. */
  signal?: AbortSignal
}

export interface CaptchaArgs {
  platform?: string
  user_ip?: string
  referer?: string
  pkg?: string
  solved_at?: number
  risk_score?: number
  [field: string]: unknown
}

/** CaptchaLa's validation answer. A result, never an exception: `valid` is false on any doubt. */
export interface ValidateResult {
  valid: boolean
  /**
   * One of `CAPTCHALA_ERRORS`: the token's (`token_expired`, `token_consumed`,
   * `invalid_token`, ...), the reason CaptchaLa refused the request (`invalid_app_key`,
   * `invalid_app_secret`, `invalid_request`: your set-up; `rate_limit_exceeded`), or
   * `request_failed` (no usable answer: an outage). Never the provider's free text.
   */
  error?: CaptchalaError
  /**
   * Why, for logs: `timeout`, `network`, `http 500: <CaptchaLa's message>`, `redirect (307)
   * not followed`, `too-large`, an unknown code. Sanitised, at most 200 characters.
   */
  detail?: string
  challengeId?: string
  action?: string
  uid?: string | null
  /** 0 (human) to 100 (bot). */
  riskScore?: number
  degraded?: boolean
  degradedReason?: string
  /** The token was an `offline_` one, checked by the backup API. */
  offline: boolean
  /** The token was a `client_` one, checked only in the browser. */
  clientOnly: boolean
  captchaArgs: CaptchaArgs
  /** CaptchaLa's answer as it came (parsed JSON), null when no call was made or no JSON came. */
  raw: unknown
}

export interface IssueServerTokenOptions {
  bindingIp?: string
  /** Seconds; CaptchaLa's default is 300. */
  ttl?: number
  maxUses?: number
  bindUid?: string
}

export interface IssueResult {
  ok: boolean
  token?: string
  expiresIn?: number
  issuedAt?: number
  /** One of `CAPTCHALA_ERRORS`. */
  error?: CaptchalaError
  detail?: string
}

const DEFAULT_BASE_URL = 'https://apiv1.captcha.la'
const DEFAULT_BACKUP_URL = 'https://fallbackapiv1.captchala.com'

/**
 * CaptchaLa's server API: validate pass tokens and issue server challenge tokens.
 * @throws CaptchaConfigError without an app key or secret, or when loaded in a browser.
 */
export class CaptchalaClient {
  readonly #appKey: string
  // Private, so that logging the client never prints it.
  readonly #appSecret: string
  readonly #baseUrl: string
  readonly #backupUrl: string
  readonly #limits: { timeoutMs: number; maxResponseBytes: number }
  readonly #fetch: FetchLike
  readonly #acceptClientOnly: boolean
  readonly #maxTokenLength: number

  constructor(options: CaptchalaClientOptions) {
    if (!options?.appKey)
      throw new CaptchaConfigError('missing-app-key', 'CaptchalaClient needs an appKey')
    if (!options.appSecret)
      throw new CaptchaConfigError('missing-app-secret', 'CaptchalaClient needs an appSecret')
    assertServerSide('CaptchalaClient')
    this.#appKey = options.appKey
    this.#appSecret = options.appSecret
    this.#baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
    this.#backupUrl = (options.backupUrl ?? DEFAULT_BACKUP_URL).replace(/\/+$/, '')
    this.#limits = {
      timeoutMs: options.timeoutMs ?? 5000,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    }
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init))
    this.#acceptClientOnly = options.acceptClientOnly ?? false
    this.#maxTokenLength = options.maxTokenLength ?? MAX_TOKEN_LENGTH.captchala
  }

  /** Checks a pass token with CaptchaLa before you act on the request it came with. */
  async validate(passToken: unknown, options: ValidateOptions = {}): Promise<ValidateResult> {
    const offline = typeof passToken === 'string' && passToken.startsWith('offline_')
    const base = { offline, clientOnly: false, captchaArgs: {}, raw: null }
    const problem = tokenProblem(passToken, this.#maxTokenLength)
    if (problem === 'missing') return { ...base, valid: false, error: 'empty_token' }
    if (problem) {
      const detail = tokenProblemDetail(problem, this.#maxTokenLength)
      const error = problem === 'too-long' ? 'token_too_long' : 'invalid_token'
      return { ...base, valid: false, error, detail }
    }
    const token = passToken as string
    if (token.startsWith('client_')) {
      return this.#acceptClientOnly
        ? { ...base, clientOnly: true, valid: true }
        : { ...base, clientOnly: true, valid: false, error: 'client_only' }
    }
    const body: Record<string, unknown> = { pass_token: token }
    if (options.keepToken) body.keep_token = true
    if (options.clientIp) body.client_ip = options.clientIp
    const url = offline ? `${this.#backupUrl}/api/validate` : `${this.#baseUrl}/v1/validate`
    const outcome = await this.#call(url, body, options.signal)
    const raw = outcome.body ?? null
    const answer = readEnvelope(outcome)
    if ('refused' in answer) return { ...base, raw, valid: false, ...answer.refused }
    const { data, msg } = answer

    const result: ValidateResult = {
      ...base,
      raw,
      // Only an explicit yes counts: anything else, however it is spelled, is a no.
      valid: data.valid === true,
      captchaArgs: isRecord(data.captcha_args) ? (data.captcha_args as CaptchaArgs) : {},
    }
    assign(result, 'challengeId', data.challenge_id, 'string')
    assign(result, 'action', data.action, 'string')
    if (typeof data.uid === 'string' || data.uid === null) result.uid = data.uid as string | null
    assign(result, 'riskScore', data.risk_score ?? result.captchaArgs.risk_score, 'number')
    if (data.degraded === true) {
      result.degraded = true
      result.valid = false
      // The official SDKs' reading of a degraded answer that gives no reason.
      result.degradedReason = readReason(data.reason) ?? 'quota_exhausted'
      return result
    }
    if (result.valid) {
      if (options.expectedAction !== undefined && result.action !== options.expectedAction)
        return { ...result, valid: false, error: 'token_action_mismatch' }
      return result
    }
    // A validation answer: CaptchaLa handled it and said no. Its code when it is a known one;
    // else, where the official SDKs fall back to `msg`, a listed code and `msg` only as detail.
    const error = knownCaptchalaError(data.error)
    if (error) return { ...result, error }
    const detail = joinDetail(sanitizeDetail(data.error), sanitizeDetail(msg))
    return { ...result, error: 'unknown_error', ...(detail && { detail }) }
  }

  /** Asks CaptchaLa for a server challenge token (`sct_...`) for a high-risk action. */
  async issueServerToken(
    action: string,
    options: IssueServerTokenOptions = {},
  ): Promise<IssueResult> {
    const body: Record<string, unknown> = { action }
    if (options.bindingIp) body.binding_ip = options.bindingIp
    if (options.ttl !== undefined) body.ttl = options.ttl
    if (options.maxUses !== undefined) body.max_uses = options.maxUses
    if (options.bindUid) body.bind_uid = options.bindUid
    const outcome = await this.#call(`${this.#baseUrl}/v1/server/challenge/issue`, body)
    const answer = readEnvelope(outcome)
    if ('refused' in answer) return { ok: false, ...answer.refused }
    const { data } = answer
    if (typeof data.server_token !== 'string' || !data.server_token.startsWith('sct_')) {
      const error = knownCaptchalaError(data.error)
      return error
        ? { ok: false, error }
        : { ok: false, error: 'request_failed', detail: 'no server token in the answer' }
    }
    const result: IssueResult = { ok: true, token: data.server_token }
    assign(result, 'expiresIn', data.expires_in, 'number')
    assign(result, 'issuedAt', data.issued_at, 'number')
    return result
  }

  #call(url: string, body: Record<string, unknown>, signal?: AbortSignal) {
    return post(
      this.#fetch,
      url,
      {
        headers: {
          'content-type': 'application/json',
          'x-app-key': this.#appKey,
          'x-app-secret': this.#appSecret,
        },
        body: JSON.stringify(body),
      },
      { ...this.#limits, signal },
    )
  }
}

type Envelope =
  | { data: Record<string, unknown>; msg: unknown }
  | { refused: { error: CaptchalaError; detail?: string } }

/**
 * CaptchaLa's `{ code, msg, data }`: `data` when it handled the request (`code: 0`, HTTP 200),
 * else why not. A refusal (4xx, or 200 with another code) keeps CaptchaLa's own code when it is
 * a known one, so a misconfiguration never looks like an outage; a 429 is
 * `rate_limit_exceeded` and a 5xx `request_failed`, whatever their bodies say; anything else
 * is `request_failed`. The provider's words go only into `detail`.
 */
function readEnvelope(outcome: PostOutcome): Envelope {
  const envelope = outcome.body
  if (!outcome.ok && outcome.status === 429)
    return { refused: { error: 'rate_limit_exceeded', detail: failureDetail(outcome) } }
  if (!outcome.ok && (outcome.status === undefined || outcome.status >= 500))
    return { refused: { error: 'request_failed', detail: failureDetail(outcome) } }
  if (!isRecord(envelope) || typeof envelope.code !== 'number')
    return { refused: { error: 'request_failed', detail: failureDetail(outcome) } }
  const data = isRecord(envelope.data) ? envelope.data : {}
  if (outcome.ok && envelope.code === 0) return { data, msg: envelope.msg }
  const detail = outcome.ok
    ? joinDetail(`code ${envelope.code}`, sanitizeDetail(envelope.msg))!
    : failureDetail(outcome)
  return { refused: { error: knownCaptchalaError(data.error) ?? 'request_failed', detail } }
}

/** A degraded answer's reason when it is a plain code (`quota_exhausted`), never free text. */
function readReason(reason: unknown): string | undefined {
  return typeof reason === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(reason) ? reason : undefined
}

function assign<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: unknown,
  type: 'string' | 'number',
) {
  if (typeof value === type) target[key] = value as T[K]
}
