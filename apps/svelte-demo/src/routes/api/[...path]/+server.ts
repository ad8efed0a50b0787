import { backendUrl } from '$lib/server/backend'
import type { RequestHandler } from './$types'

// The browser calls /api on this origin and this route passes the call on to the demo
// backend: the same in `vite dev`, `vite preview` and the production server (`node build`).
export const fallback: RequestHandler = async ({ request, params, url }) => {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  const answer = await fetch(`${backendUrl()}/api/${params.path}${url.search}`, {
    method: request.method,
    headers: { 'content-type': request.headers.get('content-type') ?? 'application/json' },
    body: hasBody ? await request.arrayBuffer() : undefined,
  })
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
  })
}
