import type { Policy, RecordOptions } from './policy'
import type { PolicyKeys } from './policy-keys'
import { TOKEN_HEADER, tokenFromBody } from './read-token'
import { refusal, refusalFor, type Refusal } from './refusal'
import type { Verdict } from './verdict'
import type { Verifier } from './verifier'

/** Where the token is: `header` (`X-Captcha-Token`), `body` (`TOKEN_FIELDS`), or your function. */
export type TokenSource<Request> = 'header' | 'body' | ((request: Request) => unknown)

export interface ChallengeOptions<Request> {
  /**
   * Verifies the stricter challenge's token: e.g. the verifier of an interactive Turnstile
   * site key, or of a CaptchaLa app key that always shows a challenge. Default: the guard's.
   */
  verifier?: Pick<Verifier, 'verify'>
  /**
   * Whether a token that verified answered the challenge (CaptchaLa: `verdict.uid` is the
   * `bindUid` you issued the server token with). Default: any success of `verifier`.
   */
  answered?: (verdict: Verdict, request: Request) => boolean
  /** Sent along when the client must answer the challenge (e.g. `{ serverToken }`). */
  offer?: (request: Request) => Promise<Record<string, unknown>> | Record<string, unknown>
}

export interface GuardOptions<Request> {
  /** From `createVerifier`. */
  verifier: Pick<Verifier, 'verify'>
  /** The action the page asked for; another is refused. */
  expectedAction?: string
  /** The hostname the page is served from; another is refused. */
  expectedHostname?: string
  /**
   * The client's address, sent to the provider and counted by the policy as `ip`. Default:
   * Express's `req.ip` and Fastify's `request.ip` (each with its own trust-proxy setting);
   * Hono has none by default: pass `(c) => getClientIp(c.req.raw, ...)`. A null is no way past
   * the policy: every request without an address counts under its one `unknown-client` key.
   */
  clientIp?: (request: Request) => string | null | undefined
  /** Escalation: checked before verifying, told the verdict after. */
  policy?: Policy
  /** What the policy counts against. Default `{ ip }`; add `account` where the route knows it. */
  keys?: (request: Request, clientIp: string | null) => PolicyKeys
  /**
   * How a client the policy escalated answers. Without it, an escalated client is refused
   * (`challenge_required`, not counted: nothing was verified) with no provider call until its
   * failures age out.
   */
  challenge?: ChallengeOptions<Request>
  /** Default: the `X-Captcha-Token` header, else the body (`captchaToken`, then the providers' fields). */
  tokenFrom?: TokenSource<Request>
}

export type Outcome = { pass: true; verdict: Verdict } | { pass: false; refusal: Refusal }

/** The token as `tokenFrom` says where to look; by default the header, else the body. */
export async function selectToken<Request>(
  tokenFrom: TokenSource<Request> | undefined,
  request: Request,
  readHeader: () => string | undefined,
  readBody: () => unknown,
): Promise<unknown> {
  if (typeof tokenFrom === 'function') return tokenFrom(request)
  const header = tokenFrom === 'body' ? undefined : readHeader()
  if (header) return header
  return tokenFrom === 'header' ? undefined : tokenFromBody(await readBody())
}

/**
 * The guard's decision for one request: policy check, verification, policy record. Every
 * way through ends in an outcome; nothing throws past it (a throwing verifier or policy is
 * `unavailable`), so a guard cannot crash the server.
 */
export async function decide<Request>(
  options: GuardOptions<Request>,
  request: Request,
  token: unknown,
  defaultIp: string | null,
): Promise<Outcome> {
  try {
    return await run(options, request, token, defaultIp)
  } catch {
    return refuse(503, 'unavailable')
  }
}

async function run<Request>(
  options: GuardOptions<Request>,
  request: Request,
  token: unknown,
  defaultIp: string | null,
): Promise<Outcome> {
  const { policy, challenge } = options
  const clientIp = (options.clientIp ? options.clientIp(request) : defaultIp) ?? null
  const keys = policy ? (options.keys?.(request, clientIp) ?? { ip: clientIp }) : {}
  const decision = policy ? await policy.check(keys) : undefined
  if (decision?.action === 'block') {
    const retryAfter = decision.retryAfter ?? 60
    return refuse(429, 'blocked', { retryAfter }, { 'retry-after': String(retryAfter) })
  }
  const escalated = decision?.action === 'challenge'
  const record = (verdict: Verdict, recordOptions?: RecordOptions) =>
    policy ? policy.record(keys, verdict, recordOptions) : undefined
  const offered = async () =>
    challenge ? { challenge: challenge.offer ? await challenge.offer(request) : {} } : undefined

  if (escalated && !challenge) {
    await record(challengeRequired('unknown'))
    return refuse(403, 'challenge_required')
  }
  const verifier = escalated ? (challenge!.verifier ?? options.verifier) : options.verifier
  let verdict = await verifier.verify(token, {
    expectedAction: options.expectedAction,
    expectedHostname: options.expectedHostname,
    clientIp,
  })
  if (escalated && verdict.success && !(challenge!.answered?.(verdict, request) ?? true))
    verdict = challengeRequired(verdict.provider)
  const after = await record(verdict, { challenged: escalated && verdict.success })
  if (verdict.success) return { pass: true, verdict }

  const answer = refusalFor(verdict)
  if (answer.status !== 403) return { pass: false, refusal: answer }
  const mustAnswer = escalated || after?.action === 'challenge'
  const reason = escalated ? 'challenge_required' : answer.body.reason
  return refuse(403, reason, mustAnswer ? await offered() : undefined)
}

function challengeRequired(provider: string): Verdict {
  return { success: false, error: 'challenge_required', provider, raw: null }
}

function refuse(...args: Parameters<typeof refusal>): Outcome {
  return { pass: false, refusal: refusal(...args) }
}

export { TOKEN_HEADER }
export type { Refusal, RefusalBody } from './refusal'
