import { assertServerSide, CaptchaConfigError } from './config-error'
import { DEFAULT_MAX_RESPONSE_BYTES, failureDetail, isRecord, post } from './post'
import { checkExpected, type SiteverifyOptions, type VerifyResult } from './siteverify'
import { readErrorCodes } from './siteverify-errors'
import { MAX_TOKEN_LENGTH, tokenProblem, tokenProblemDetail } from './token-shape'

const FRIENDLY_SITEVERIFY_URL = 'https://global.frcapi.com/api/v2/captcha/siteverify'

export interface FriendlyCaptchaVerifyOptions extends Omit<SiteverifyOptions, 'remoteIp'> {
  /** Your API key (sent as `X-API-Key`). */
  secret: string
  /** Recommended: a response solved for another site key is refused (`sitekey_invalid`). */
  sitekey?: string
}

/**
 * Friendly Captcha v2's siteverify: a JSON POST with the API key in `X-API-Key`. It refuses a
 * bad request with HTTP 400 or 401 and its own `error_code`, which is read as any other code;
 * `url` takes the EU endpoint (`https://eu.frcapi.com/api/v2/captcha/siteverify`).
 */
export async function verifyFriendlyCaptcha(
  options: FriendlyCaptchaVerifyOptions,
): Promise<VerifyResult> {
  if (!options?.secret)
    throw new CaptchaConfigError('missing-secret', 'verifyFriendlyCaptcha needs an API key')
  assertServerSide('verifyFriendlyCaptcha')
  const maxTokenLength = options.maxTokenLength ?? MAX_TOKEN_LENGTH.friendlycaptcha
  const problem = tokenProblem(options.token, maxTokenLength)
  if (problem === 'missing') return { success: false, errorCodes: ['response_missing'], raw: null }
  if (problem) {
    const detail = tokenProblemDetail(problem, maxTokenLength)
    const code = problem === 'too-long' ? 'token-too-long' : 'response_invalid'
    return { success: false, errorCodes: [code], raw: null, detail }
  }

  const outcome = await post(
    options.fetch ?? ((input, init) => fetch(input, init)),
    options.url ?? FRIENDLY_SITEVERIFY_URL,
    {
      headers: { 'content-type': 'application/json', 'x-api-key': options.secret },
      body: JSON.stringify({
        response: options.token,
        ...(options.sitekey && { sitekey: options.sitekey }),
      }),
    },
    {
      timeoutMs: options.timeoutMs ?? 5000,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      signal: options.signal,
    },
  )
  const body = isRecord(outcome.body) ? outcome.body : undefined
  const error = isRecord(body?.error) ? body.error : undefined
  // A refusal of the request itself (400, 401) carries its reason; any other status, a 429, a
  // 5xx or an answer that is not Friendly Captcha's shape, is no usable answer.
  const refused = !outcome.ok && (outcome.status === 400 || outcome.status === 401) && error
  if ((!outcome.ok && !refused) || !body) {
    const limited = !outcome.ok && outcome.status === 429
    return {
      success: false,
      errorCodes: [limited ? 'rate_limit_exceeded' : 'request_failed'],
      raw: outcome.body ?? null,
      detail: failureDetail(outcome),
    }
  }
  const read = readErrorCodes(error?.error_code)
  const result: VerifyResult = {
    success: outcome.ok && body.success === true && !error,
    errorCodes: read.codes,
    raw: body,
    ...(read.detail && { detail: read.detail }),
  }
  const challenge = isRecord(body.data) && isRecord(body.data.challenge) ? body.data.challenge : {}
  if (typeof challenge.timestamp === 'string') result.challengeTs = challenge.timestamp
  const hostname = hostOf(challenge.origin)
  if (hostname) result.hostname = hostname
  return checkExpected(result, options)
}

/** `https://shop.example` → `shop.example`; empty when Friendly Captcha does not know it. */
function hostOf(origin: unknown): string | undefined {
  if (typeof origin !== 'string' || !origin) return undefined
  try {
    return new URL(origin).hostname || undefined
  } catch {
    return undefined
  }
}
