import type { RequestRefused } from '../envelope'
import type { Answer, EmulatorRequest } from './exchange'

/** One request as a route sees it, whatever transport brought it. */
export interface Incoming {
  request: EmulatorRequest
  /** The path the emulator serves it at (a provider's real URL mapped, see provider-hosts.ts). */
  path: string
  query: URLSearchParams
  /** The caller's address: the HTTP server's peer, or the transport's stand-in. */
  clientIp: string
  /** Aborted when the caller goes away (a held request ends then). */
  signal: AbortSignal
}

/** A route's answer: an Answer, or a body for a 200 JSON answer. */
export type RouteHandler = (incoming: Incoming) => Promise<object> | object

/** How a family of routes answers: CORS or not, and how a refusal is spelled. */
export interface RouteFamily {
  name: string
  cors: boolean
  refuse(error: RequestRefused): Answer
}

export interface Route {
  family: RouteFamily
  handler: RouteHandler
}

/** Exact `METHOD /path` routes, plus `/prefix/*` ones, looked up in that order. */
export function createRouter() {
  const exact = new Map<string, Route>()
  const prefixed: [method: string, prefix: string, route: Route][] = []
  return {
    add(method: 'GET' | 'POST', path: string, family: RouteFamily, handler: RouteHandler) {
      if (path.endsWith('/*')) prefixed.push([method, path.slice(0, -1), { family, handler }])
      else exact.set(`${method} ${path}`, { family, handler })
    },
    find(method: string, path: string): Route | undefined {
      return (
        exact.get(`${method} ${path}`) ??
        prefixed.find(([m, prefix]) => m === method && path.startsWith(prefix))?.[2]
      )
    },
    /** Any route at `path`, whatever its method: where a CORS preflight is answered. */
    findAny(path: string): Route | undefined {
      return this.find('GET', path) ?? this.find('POST', path)
    },
  }
}

export type Router = ReturnType<typeof createRouter>
