import type { Emulator } from './create-emulator'
import { isProviderUrl } from './provider-hosts'

/**
 * What `routeProviders` needs of a Playwright `Page` or `BrowserContext`, written out so that
 * this entry's types do not need Playwright installed (a `Page` or `BrowserContext` of
 * playwright-core or @playwright/test fits).
 */
export interface RouteTarget {
  route(
    url: (url: URL) => boolean,
    handler: (route: RoutedRequest) => Promise<void>,
  ): Promise<unknown>
  unroute(
    url: (url: URL) => boolean,
    handler?: (route: RoutedRequest) => Promise<void>,
  ): Promise<unknown>
  on(event: 'close', listener: () => void): unknown
}

/** The part of Playwright's `Route` that the emulator answers through. */
export interface RoutedRequest {
  request(): {
    url(): string
    method(): string
    allHeaders(): Promise<Record<string, string>>
    postData(): string | null
  }
  fulfill(response: {
    status: number
    headers: Record<string, string>
    body: string
  }): Promise<void>
}

export interface RouteProvidersOptions {
  /** The address the emulator records as the solver's (CaptchaLa's `captcha_args.user_ip`). Default `127.0.0.1`. */
  clientIp?: string
}

/**
 * Answers the providers' real script and API hosts from `emulator` in this page or context:
 * CaptchaLa's CDN (`https://cdn.captcha-cdn.net/captchala-loader.js`, the SDK, its widget API)
 * and API, Turnstile's `challenges.cloudflare.com`, hCaptcha's `js.`/`api.hcaptcha.com`,
 * reCAPTCHA's `www.google.com/recaptcha`, `www.recaptcha.net` and gstatic, Friendly Captcha's
 * site script on jsDelivr and its API hosts (`global.frcapi.com`, `eu.frcapi.com`, their
 * fallbacks). The app's production
 * code runs unchanged, with its real script URLs. Resolves with the teardown (unroute).
 */
export async function routeProviders(
  target: RouteTarget,
  emulator: Emulator,
  options: RouteProvidersOptions = {},
): Promise<() => Promise<void>> {
  // Ends the requests the emulator holds (an app that never gets ready) once nobody waits.
  const gone = new AbortController()
  const handler = async (route: RoutedRequest) => {
    const request = route.request()
    const method = request.method()
    const body = method === 'GET' || method === 'HEAD' ? null : request.postData()
    const response = await emulator.handle(
      new Request(request.url(), { method, headers: await request.allHeaders(), body }),
      { clientIp: options.clientIp, signal: gone.signal },
    )
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => (headers[name] = value))
    // The page may be gone by now (a held request, a closed tab): nothing left to answer.
    await route
      .fulfill({ status: response.status, headers, body: await response.text() })
      .catch(() => {})
  }
  target.on('close', () => gone.abort())
  // Only the providers' paths: the rest of www.google.com or hcaptcha.com stays the page's.
  const matches = (url: URL) => isProviderUrl(url)
  await target.route(matches, handler)
  return async () => {
    gone.abort()
    await target.unroute(matches, handler)
  }
}

export type { Emulator }
