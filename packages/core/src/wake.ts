/**
 * Calls `handler` after `delayMs`, and whenever the window hears one of `events`, until the
 * returned teardown runs; running it again does nothing. The one timer-and-listener plumbing
 * behind token freshness and healing, so that neither can leave a timer or a listener behind.
 */
export function wake(delayMs: number, events: readonly string[], handler: () => void): () => void {
  const timer = setTimeout(handler, delayMs)
  for (const event of events) window.addEventListener(event, handler)
  return () => {
    clearTimeout(timer)
    for (const event of events) window.removeEventListener(event, handler)
    events = []
  }
}
