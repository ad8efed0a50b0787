import type { IncomingHttpHeaders } from 'node:http'

/**
 * Whether a browser sent this request from another site: a form on any page can post here,
 * with the person's cookies and address, and that must not create an account or count a
 * failure against them.
 *
 * - `Sec-Fetch-Site`, when present, decides: the browser sets it and no page can. Only
 *   `same-origin` (and `none`, a request the person made themselves) passes; `same-site` is
 *   another app on a sibling host.
 * - Else `Origin` (browsers without Fetch Metadata) must name the host the request was sent
 *   to: `Host`, or `X-Forwarded-Host` behind a proxy that rewrites it (no page can set either
 *   on a cross-site post). The samples' dev and preview proxies keep the page's `Host`.
 * - With neither, no browser sent it (every current one sends `Origin` with a POST): curl,
 *   tests, other servers. Those are not forged by someone else's page, so they pass.
 */
export function isCrossSite(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site']
  if (site !== undefined) return site !== 'same-origin' && site !== 'none'
  const origin = headers.origin
  if (origin === undefined) return false
  let host: string
  try {
    host = new URL(origin).host // `null` (sandboxed frames, some redirects) does not parse
  } catch {
    return true
  }
  return host !== headers.host && host !== headers['x-forwarded-host']
}
