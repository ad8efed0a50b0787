import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export const NONCE = 'n0nce-4-test'

/**
 * A customer's site on its own origin, under a strict CSP: only scripts and styles carrying
 * the nonce run, and only `connectTo` may be fetched. `page` renders the HTML for a query.
 */
export async function startCustomerSite(
  connectTo: string,
  page: (query: URLSearchParams) => string,
): Promise<{ url: string; close(): Promise<void> }> {
  const site = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; connect-src ${connectTo}`,
    })
    response.end(page(url.searchParams))
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => site.close(() => resolve())),
  }
}
