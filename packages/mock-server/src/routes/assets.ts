import { RequestRefused } from '../envelope'
import { Answer } from '../http/exchange'
import type { Incoming, Router } from '../http/router'
import { CAPTCHALA_BROWSER } from './families'

const MAX_DELAY_MS = 60_000

/**
 * A browser asset at `path`, never cached, with fault injection: `?delay=MS` answers late,
 * `?status=CODE` answers with that status instead. Other query parameters are the page's.
 */
export function serveAsset(router: Router, path: string, body: string, type: string) {
  router.add('GET', path, CAPTCHALA_BROWSER, async ({ query, signal }: Incoming) => {
    const delay = query.get('delay')
    const status = query.get('status')
    // Digits checked as text: query values are never coerced.
    if (delay !== null && !/^[0-9]{1,5}$/.test(delay))
      throw new RequestRefused(400, 'invalid_request', 'querystring/delay must be 0-99999')
    if (status !== null && !/^[2-5][0-9]{2}$/.test(status))
      throw new RequestRefused(400, 'invalid_request', 'querystring/status must be 200-599')
    if (delay) await sleep(Math.min(Number(delay), MAX_DELAY_MS), signal)
    const headers = { 'cache-control': 'no-store' }
    if (status && status !== '200')
      return new Answer(Number(status), `status ${status}`, {
        ...headers,
        'content-type': 'text/plain; charset=utf-8',
      })
    return new Answer(200, body, { ...headers, 'content-type': type })
  })
}

/** Waits `ms`, or less when the caller goes away. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}
