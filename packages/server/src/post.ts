export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export type PostOutcome =
  | { ok: true; status: number; body: unknown }
  | { ok: false; status?: number; reason: 'timeout' | 'network' | 'http' | 'not-json' }

/**
 * One POST with its own timeout. Every way it can go wrong is an outcome, never a throw, so
 * callers fail closed by construction.
 */
export async function post(
  fetchImpl: FetchLike,
  url: string,
  init: { headers: Record<string, string>; body: string },
  timeoutMs: number,
): Promise<PostOutcome> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetchImpl(url, { method: 'POST', ...init, signal: controller.signal })
    if (response.status !== 200) {
      // Drained so the connection can be reused; its content does not change the outcome.
      await response.body?.cancel().catch(() => {})
      return { ok: false, status: response.status, reason: 'http' }
    }
    try {
      return { ok: true, status: 200, body: await response.json() }
    } catch {
      return { ok: false, status: 200, reason: controller.signal.aborted ? 'timeout' : 'not-json' }
    }
  } catch {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'network' }
  } finally {
    clearTimeout(timer)
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
