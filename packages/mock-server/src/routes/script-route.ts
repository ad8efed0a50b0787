import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'

const MAX_SCRIPT_DELAY_MS = 60_000

// Query values are text, and types are never coerced here: digits are checked as text.
const scriptQuery = {
  type: 'object',
  properties: {
    delay: { type: 'string', pattern: '^[0-9]{1,5}$' },
    status: { type: 'string', pattern: '^[1-5][0-9]{2}$' },
  },
} as const

/**
 * A browser asset at `path`, never cached, with fault injection: `?delay=MS` answers late,
 * `?status=CODE` answers with that status instead. Other query parameters are the page's.
 */
export function serveAsset(scope: FastifyInstance, path: string, body: string, type: string) {
  scope.get<{ Querystring: { delay?: string; status?: string } }>(
    path,
    { schema: { querystring: scriptQuery } },
    async (request, reply) => {
      const delay = Math.min(Number(request.query.delay ?? 0), MAX_SCRIPT_DELAY_MS)
      const status = Number(request.query.status ?? 200)
      if (delay) await sleep(delay)
      reply.header('cache-control', 'no-store')
      if (status && status !== 200)
        return reply.code(status).type('text/plain').send(`status ${status}`)
      return reply.type(type).send(body)
    },
  )
}
