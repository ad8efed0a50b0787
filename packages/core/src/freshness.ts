export interface FreshnessHandlers {
  /** The refresh margin was reached while the token is still valid. */
  refreshDue(): void
  expired(): void
}

const WAKE_EVENTS = ['focus', 'pageshow'] as const

/**
 * Watches one token's lifetime and returns the teardown. Timers are throttled in background
 * tabs and stop while a machine sleeps, so the clock is checked again whenever the page comes
 * back (`visibilitychange`, `focus`, `pageshow`): a stale token is never left as verified.
 */
export function watchFreshness(
  expiresAt: number,
  refreshAt: number | null,
  handlers: FreshnessHandlers,
): () => void {
  let refreshed = false
  const check = () => {
    const now = Date.now()
    if (now >= expiresAt) return handlers.expired()
    if (refreshAt !== null && !refreshed && now >= refreshAt) {
      refreshed = true
      handlers.refreshDue()
    }
  }
  const timers = [refreshAt, expiresAt]
    .filter((at): at is number => at !== null)
    .map((at) => setTimeout(check, Math.max(0, at - Date.now())))
  for (const event of WAKE_EVENTS) window.addEventListener(event, check)
  document.addEventListener('visibilitychange', check)

  return () => {
    for (const timer of timers) clearTimeout(timer)
    for (const event of WAKE_EVENTS) window.removeEventListener(event, check)
    document.removeEventListener('visibilitychange', check)
  }
}

/** Default margin: 30 s, but never more than a fifth of the lifetime; any margin at most half. */
export function refreshMargin(ttlMs: number, requestedMs: number | undefined): number {
  return Math.min(requestedMs ?? Math.min(30_000, ttlMs / 5), ttlMs / 2)
}
