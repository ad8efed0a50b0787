import { Answer, type EmulatorRequest } from './exchange'

/** What pages load and call answers from any origin, as the providers do for their customers. */
export function withCors(answer: Answer): Answer {
  return new Answer(answer.status, answer.body, {
    ...answer.headers,
    'access-control-allow-origin': '*',
  })
}

/** The answer to a CORS preflight on a browser route: any origin, the methods it serves. */
export function preflight(request: EmulatorRequest): Answer {
  const asked = request.header('access-control-request-headers')
  return new Answer(204, '', {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST',
    vary: 'Access-Control-Request-Headers',
    ...(asked && { 'access-control-allow-headers': asked }),
  })
}
