import { joinDetail, sanitizeDetail } from './detail'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

/** Far above any real provider answer (a few hundred bytes), far below what could hurt. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024

export type PostFailure =
  'timeout' | 'aborted' | 'network' | 'http' | 'not-json' | 'redirect' | 'too-large'

export type PostOutcome =
  | { ok: true; status: number; body: unknown }
  /** `body`: the parsed JSON a refusing (non-200) answer carried, if any. */
  | { ok: false; status?: number; reason: PostFailure; body?: unknown }

export interface PostLimits {
  timeoutMs: number
  maxResponseBytes: number
  /** The caller's: aborting it ends the call as `aborted`. */
  signal?: AbortSignal | undefined
}

/**
 * One POST with its own timeout, that follows no redirect (it would carry the secret to
 * another URL) and reads at most `maxResponseBytes` of the answer. Every way it can go wrong
 * is an outcome, never a throw, so callers fail closed by construction.
 */
export async function post(
  fetchImpl: FetchLike,
  url: string,
  init: { headers: Record<string, string>; body: string },
  { timeoutMs, maxResponseBytes, signal }: PostLimits,
): Promise<PostOutcome> {
  if (signal?.aborted) return { ok: false, reason: 'aborted' }
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  const forward = () => controller.abort()
  signal?.addEventListener('abort', forward, { once: true })
  try {
    // `manual` rather than `error`: edge runtimes support it, and the outcome can say why.
    const response = await fetchImpl(url, {
      method: 'POST',
      ...init,
      redirect: 'manual',
      signal: controller.signal,
    })
    const { status } = response
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      await response.body?.cancel().catch(() => {})
      return { ok: false, status, reason: 'redirect' }
    }
    const text = await readCapped(response, maxResponseBytes)
    if (text === null) return { ok: false, status, reason: 'too-large' }
    const body = parseJson(text)
    if (status !== 200) return { ok: false, status, reason: 'http', body }
    if (body === undefined) return { ok: false, status, reason: 'not-json' }
    return { ok: true, status, body }
  } catch {
    if (signal?.aborted) return { ok: false, reason: 'aborted' }
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'network' }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forward)
  }
}

/**
 * The body as text, or null as soon as it grows past `maxBytes` (the rest is never read). A
 * provider's answer, or a request's body (`Request` has the same two fields).
 */
export async function readCapped(
  response: Pick<Response, 'headers' | 'body'>,
  maxBytes: number,
): Promise<string | null> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {})
    return null
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Why a call failed, for logs: `timeout`, `redirect (307) not followed`, `http 500`, and for
 * an HTTP failure the provider's own message (its `msg`, `message` or `error`), sanitised and
 * capped: the only place an upstream's words may go.
 */
export function failureDetail(outcome: PostOutcome): string {
  if (outcome.ok) return 'unexpected answer'
  if (outcome.reason === 'http') {
    const body = isRecord(outcome.body) ? outcome.body : {}
    const said = [body.msg, body.message, body.error].find((text) => typeof text === 'string')
    return joinDetail(`http ${outcome.status}`, sanitizeDetail(said))!
  }
  if (outcome.reason === 'redirect') return `redirect (${outcome.status}) not followed`
  return outcome.reason
}
