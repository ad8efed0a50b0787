import { wake } from './wake'

// `visibilitychange` is fired at the document and bubbles to the window.
const WAKE_EVENTS = ['visibilitychange', 'focus', 'pageshow']

/**
 * Watches one token's lifetime: `refreshDue` once `refreshAt` is reached while the token is
 * still valid, then `expired`. Returns the teardown. Timers are throttled in background tabs
 * and stop while a machine sleeps, so the clock is checked again whenever the page comes back
 * (`visibilitychange`, `focus`, `pageshow`): a stale token is never left as verified.
 */
export function watchFreshness(
  expiresAt: number,
  refreshAt: number | null,
  refreshDue: () => void,
  expired: () => void,
): () => void {
  let stop: () => void
  const arm = () => (stop = wake((refreshAt ?? expiresAt) - Date.now(), WAKE_EVENTS, check))
  function check() {
    stop()
    if (Date.now() >= expiresAt) return expired()
    const due = Date.now() >= (refreshAt ?? Infinity)
    if (due) refreshAt = null
    // Armed before the handler runs, so a teardown from inside it also clears this timer.
    arm()
    if (due) refreshDue()
  }
  arm()
  return () => stop()
}
