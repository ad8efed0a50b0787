/** Responses as the providers send them: JSON with a charset, scripts never cached. */

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  })
}

/** What pages load and call answers from any origin, as the providers do for their customers. */
export function withCors(response: Response): Response {
  response.headers.set('access-control-allow-origin', '*')
  return response
}

/** The answer to a CORS preflight on a browser route: any origin, the methods it serves. */
export function preflight(request: Request): Response {
  const headers = new Headers({
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST',
    vary: 'Access-Control-Request-Headers',
  })
  const asked = request.headers.get('access-control-request-headers')
  if (asked) headers.set('access-control-allow-headers', asked)
  return new Response(null, { status: 204, headers })
}
