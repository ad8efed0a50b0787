import { http, type HttpHandler } from 'msw'
import type { Emulator } from './create-emulator'
import { PROVIDER_URL_PATTERNS } from './provider-hosts'

export interface ProviderHandlersOptions {
  /** The address the emulator records as the caller's. Default `127.0.0.1`. */
  clientIp?: string
}

/**
 * MSW request handlers that answer the providers' real URLs from `emulator`: in Node
 * (`setupServer`) the validation APIs, so a backend validates with its production
 * configuration; in a browser (`setupWorker`) the scripts and widget calls too. Works with
 * MSW 2 and 3 (only `http.all` and Fetch API responses are used).
 */
export function providerHandlers(
  emulator: Emulator,
  options: ProviderHandlersOptions = {},
): HttpHandler[] {
  // A URL the pattern takes but the emulator does not answer (another file of a CDN's
  // package) goes on to the next handler.
  return PROVIDER_URL_PATTERNS.map((pattern) =>
    http.all(pattern, ({ request }) =>
      emulator.answers(request.url) ? emulator.handle(request, options) : undefined,
    ),
  )
}

export type { Emulator }
