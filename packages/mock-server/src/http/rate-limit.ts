import type { Clock } from '../clock'
import { RequestRefused } from '../envelope'

/**
 * A fixed-window request budget per key, on the emulator's clock (a manual clock moves the
 * window too). Throws CaptchaLa's `rate_limit_exceeded` with a `Retry-After`.
 */
export function createRateLimiter(clock: Clock) {
  const windows = new Map<string, { start: number; count: number }>()
  return (key: string, limit: { max: number; windowMs: number }) => {
    const now = clock.now()
    // Swept when many keys pile up, so memory stays flat over a long run.
    if (windows.size > 4096)
      for (const [k, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(k)
    let window = windows.get(key)
    if (!window || now - window.start >= limit.windowMs) {
      window = { start: now, count: 0 }
      windows.set(key, window)
    }
    window.count += 1
    if (window.count > limit.max) {
      const seconds = Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000))
      throw new RequestRefused(429, 'rate_limit_exceeded', `retry in ${seconds} seconds`, {
        valid: false,
      }).withHeaders({ 'retry-after': String(seconds) })
    }
  }
}
