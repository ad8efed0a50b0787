import type { CapRedeemResult } from './cap'
import { readCapped } from './post'
import type { IssueOptions, SelfHosted } from './self-hosted'

// A redeem body is a token and 50 or so numbers: a few kilobytes at most.
const MAX_REDEEM_BYTES = 16 * 1024

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    // A challenge is for one visitor, once: no cache may keep or share it.
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })

const REDEEM_STATUS: Record<Exclude<CapRedeemResult, { success: true }>['error'], number> = {
  invalid_body: 400,
  invalid_token: 403,
  expired: 403,
  invalid_solution: 403,
  already_redeemed: 403,
  nonce_store_error: 503,
}

/**
 * The browser-facing routes of a self-hosted provider, as a Fetch handler. ALTCHA: any GET or
 * POST to it answers a challenge. Cap: `POST …/challenge` and `POST …/redeem` under the
 * endpoint its widget was given; anything else is 404.
 */
export async function handleSelfHosted(
  backend: () => SelfHosted,
  request: Request,
  options: IssueOptions = {},
): Promise<Response> {
  try {
    return await route(backend(), request, options)
  } catch {
    // A missing secret, a store or a runtime that failed: the details are for your logs (the
    // verdicts say them), not for the browser.
    return json(503, { error: 'unavailable' })
  }
}

async function route(server: SelfHosted, request: Request, options: IssueOptions) {
  if (request.method !== 'POST' && request.method !== 'GET')
    return json(405, { error: 'method_not_allowed' })
  // ALTCHA has one route, the challenge URL.
  if (!server.redeemChallenge) return json(200, await server.issueChallenge(options))
  const route = new URL(request.url).pathname.replace(/\/+$/, '').split('/').at(-1)
  if (route === 'challenge' && request.method === 'POST')
    return json(200, await server.issueChallenge(options))
  if (route !== 'redeem' || request.method !== 'POST') return json(404, { error: 'not_found' })
  const text = await readCapped(request, MAX_REDEEM_BYTES).catch(() => null)
  let body: unknown
  try {
    body = text === null ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  const result = await server.redeemChallenge(body)
  return json(result.success ? 200 : REDEEM_STATUS[result.error], result)
}
