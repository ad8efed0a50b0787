export interface FreshnessHandlers {
  /** The refresh moment was reached while the token is still valid. */
  refreshDue(): void
  expired(): void
}

// `visibilitychange` is fired at the document and bubbles to the window.
const WAKE_EVENTS = ['visibilitychange', 'focus', 'pageshow']

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
  const arm = () => setTimeout(check, (refreshAt ?? expiresAt) - Date.now())
  let timer = arm()
  function check() {
    clearTimeout(timer)
    if (Date.now() >= expiresAt) return handlers.expired()
    const refreshDue = refreshAt !== null && Date.now() >= refreshAt
    if (refreshDue) refreshAt = null
    // Armed before the handler runs, so a teardown from inside it also clears this timer.
    timer = arm()
    if (refreshDue) handlers.refreshDue()
  }
  for (const event of WAKE_EVENTS) window.addEventListener(event, check)

  return () => {
    clearTimeout(timer)
    for (const event of WAKE_EVENTS) window.removeEventListener(event, check)
  }
}
