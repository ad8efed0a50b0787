import { wake } from './wake'

/** The wait before automatic attempt `n` (0-based): 1 s, doubling, never more than 30 s. */
export const healDelayMs = (attempt: number): number => Math.min(1000 * 2 ** attempt, 30_000)

/**
 * Calls `heal` once: after `delayMs`, or at once when the browser comes back online or the
 * page is shown again. A delay that ends while the page is hidden waits for it to be shown, so
 * a background tab sends nothing. Returns the teardown.
 */
export function scheduleHeal(delayMs: number, heal: () => void): () => void {
  // `visibilitychange` is fired at the document and bubbles to the window.
  const stop = wake(delayMs, ['online', 'visibilitychange'], () => {
    if (document.hidden) return
    stop()
    heal()
  })
  return stop
}
