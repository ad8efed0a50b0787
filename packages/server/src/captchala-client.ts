import { assertServerSide, CaptchaConfigError } from './config-error'
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  failureDetail,
  isRecord,
  post,
  type FetchLike,
  type PostOutcome,
} from './post'

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
   * CaptchaLa's code: the token's (`token_expired`, `token_consumed`, `invalid_token`, ...) or,
   * when it refused the request, the reason (`invalid_app_key`, `invalid_app_secret`: your
   * configuration; `rate_limit_exceeded`, `invalid_request`); else `request_failed` (no
   * answer from CaptchaLa: an outage), `empty_token`, `client_only`, `token_action_mismatch`.
   */
  error?: string
  /** Why a request failed or was refused (`timeout`, `network`, `http 401`, `redirect (307) not followed`, `too-large`), for logs. */
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
  error?: string
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
  }

  /** Checks a pass token with CaptchaLa before you act on the request it came with. */
  async validate(passToken: unknown, options: ValidateOptions = {}): Promise<ValidateResult> {
    const offline = typeof passToken === 'string' && passToken.startsWith('offline_')
    const base = { offline, clientOnly: false, captchaArgs: {} }
    if (typeof passToken !== 'string' || !passToken)
      return { ...base, valid: false, error: 'empty_token' }
    if (passToken.startsWith('client_')) {
      return this.#acceptClientOnly
        ? { ...base, clientOnly: true, valid: true }
        : { ...base, clientOnly: true, valid: false, error: 'client_only' }
    }
    const body: Record<string, unknown> = { pass_token: passToken }
    if (options.keepToken) body.keep_token = true
    if (options.clientIp) body.client_ip = options.clientIp
    const url = offline ? `${this.#backupUrl}/api/validate` : `${this.#baseUrl}/v1/validate`
    const outcome = await this.#call(url, body)
    const answer = readEnvelope(outcome)
    if ('refused' in answer) return { ...base, valid: false, ...answer.refused }
    const { data, msg } = answer

    const result: ValidateResult = {
      ...base,
      // Only an explicit yes counts: anything else, however it is spelled, is a no.
      valid: data.valid === true,
      captchaArgs: isRecord(data.captcha_args) ? (data.captcha_args as CaptchaArgs) : {},
    }
    assign(result, 'error', data.error, 'string')
    assign(result, 'challengeId', data.challenge_id, 'string')
    assign(result, 'action', data.action, 'string')
    if (typeof data.uid === 'string' || data.uid === null) result.uid = data.uid as string | null
    assign(result, 'riskScore', data.risk_score ?? result.captchaArgs.risk_score, 'number')
    if (data.degraded === true) {
      result.degraded = true
      result.valid = false
      // The official SDKs' reading of a degraded answer that gives no reason.
      result.degradedReason = typeof data.reason === 'string' ? data.reason : 'quota_exhausted'
    }
    if (
      result.valid &&
      options.expectedAction !== undefined &&
      result.action !== options.expectedAction
    ) {
      return { ...result, valid: false, error: 'token_action_mismatch' }
    }
    // The official SDKs' fallback for a refusal without a code.
    if (!result.valid && !result.error && !result.degraded) result.error = msg ?? 'unknown_error'
    return result
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
    if (typeof data.server_token !== 'string') {
      return { ok: false, error: typeof data.error === 'string' ? data.error : 'invalid_response' }
    }
    const result: IssueResult = { ok: true, token: data.server_token }
    assign(result, 'expiresIn', data.expires_in, 'number')
    assign(result, 'issuedAt', data.issued_at, 'number')
    return result
  }

  #call(url: string, body: Record<string, unknown>) {
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
      this.#limits,
    )
  }
}

type Envelope =
  | { data: Record<string, unknown>; msg: string | undefined }
  | { refused: { error: string; detail?: string } }

/**
 * CaptchaLa's `{ code, msg, data }`: `data` when it handled the request (`code: 0`), else why
 * not. A refusal keeps CaptchaLa's own code (`invalid_app_secret`, ...), so a misconfiguration
 * never looks like an outage; no envelope at all is `request_failed`.
 */
function readEnvelope(outcome: PostOutcome): Envelope {
  const envelope = outcome.body
  if (!isRecord(envelope) || typeof envelope.code !== 'number') {
    return { refused: { error: 'request_failed', detail: failureDetail(outcome) } }
  }
  const data = isRecord(envelope.data) ? envelope.data : {}
  const msg = typeof envelope.msg === 'string' && envelope.msg ? envelope.msg : undefined
  if (outcome.ok && envelope.code === 0) return { data, msg }
  const error = typeof data.error === 'string' && data.error ? data.error : (msg ?? 'unknown_error')
  return {
    refused: outcome.ok ? { error } : { error, detail: failureDetail(outcome) },
  }
}

function assign<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: unknown,
  type: 'string' | 'number',
) {
  if (typeof value === type) target[key] = value as T[K]
}
