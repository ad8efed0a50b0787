import { EMULATED_SCRIPTS } from '../assets'
import type { MockContext } from '../context'
import { RequestRefused } from '../envelope'
import { mintSiteToken } from '../emulated/site-tokens'
import {
  DEFAULT_CHALLENGE_TIMEOUT_SECONDS,
  PROVIDER_TOKEN_TTL_SECONDS,
  type EmulatedProvider,
  type EmulatedSite,
} from '../emulated/sites'
import { readJson } from '../http/body'
import type { EmulatorRequest } from '../http/exchange'
import { checkBody, type BodyRules } from '../http/fields'
import type { Incoming, Router } from '../http/router'
import { serveAsset } from './assets'
import { EMULATED_WIDGETS } from './families'

/** Each provider's script path (as on its CDN, under the provider's name) and global. */
export const EMULATED_PROVIDERS: Record<EmulatedProvider, { script: string; global: string }> = {
  turnstile: { script: '/turnstile/v0/api.js', global: 'turnstile' },
  hcaptcha: { script: '/hcaptcha/1/api.js', global: 'hcaptcha' },
  recaptcha: { script: '/recaptcha/api.js', global: 'grecaptcha' },
  // Also under /friendlycaptcha/npm/* (jsDelivr's paths, see provider-hosts.ts).
  friendlycaptcha: { script: '/friendlycaptcha/site.min.js', global: 'frcaptcha' },
}

/**
 * The browser-side codes each provider reports: an unknown site key, a failed challenge, bad
 * input, and an interactive challenge left unsolved too long (Turnstile's `11062*`,
 * hCaptcha's `challenge-expired`; reCAPTCHA documents none).
 */
const WIDGET_ERRORS: Record<
  EmulatedProvider,
  { sitekey: string; failed: string; input: string; timeout: string | null }
> = {
  turnstile: { sitekey: '110100', failed: '600010', input: '110420', timeout: '110620' },
  hcaptcha: {
    sitekey: 'invalid-data',
    failed: 'challenge-error',
    input: 'invalid-data',
    timeout: 'challenge-expired',
  },
  recaptcha: {
    sitekey: 'invalid-site-key',
    failed: 'challenge-error',
    input: 'invalid-action',
    timeout: null,
  },
  // The SDK's WidgetErrorCode: a failed puzzle has no code of its own.
  friendlycaptcha: { sitekey: 'sitekey_invalid', failed: 'other', input: 'other', timeout: null },
}

// Turnstile: action up to 32 and cData up to 255 of [A-Za-z0-9_-]; reCAPTCHA v3: [A-Za-z0-9/_].
const INPUT_RULES: Record<EmulatedProvider, { action: RegExp; cdata: RegExp }> = {
  turnstile: { action: /^[A-Za-z0-9_-]{0,32}$/, cdata: /^[A-Za-z0-9_-]{0,255}$/ },
  hcaptcha: { action: /^.{0,64}$/, cdata: /^.{0,255}$/ },
  recaptcha: { action: /^[A-Za-z0-9/_]{0,100}$/, cdata: /^$/ },
  // Friendly Captcha has neither.
  friendlycaptcha: { action: /^$/, cdata: /^$/ },
}

const widgetBody: BodyRules = {
  required: ['sitekey'],
  fields: {
    sitekey: { type: 'string', minLength: 1, maxLength: 128 },
    action: { type: 'string', maxLength: 256 },
    cdata: { type: 'string', maxLength: 512 },
    version: { type: 'enum', values: ['v2', 'v3'] },
    challenge: { type: 'string', maxLength: 1024 },
    origin: { type: 'string', maxLength: 2048 },
  },
}

interface WidgetBody {
  sitekey: string
  action?: string
  cdata?: string
  version?: 'v2' | 'v3'
  /** The interactive challenge the widget showed, when it showed one (see `/mock/challenge`). */
  challenge?: string
  /** Friendly Captcha: the page's origin, from a widget in a frame of the API's origin. */
  origin?: string
}

/**
 * The page's hostname, as the provider sees it from the widget's frame: from the headers, or
 * (through a service worker, which sees no Origin or Referer header) the request's referrer.
 */
function pageOrigin(request: EmulatorRequest): string {
  const page =
    request.header('origin') ??
    request.header('referer') ??
    (request.referrer && request.referrer !== 'about:client' ? request.referrer : null)
  try {
    return page ? new URL(page).origin : ''
  } catch {
    return ''
  }
}

/**
 * Friendly Captcha's widget runs in a frame of the API's own origin, which sends the page's
 * origin along (the SDK gives it to the frame): a call from that origin is taken at its word.
 * A call from the page itself (the emulated site script) is known by its headers.
 */
function solverOrigin(request: EmulatorRequest, claimed: string | undefined): string {
  const headers = pageOrigin(request)
  if (headers && headers !== request.url.origin) return headers
  return claimed && /^https?:\/\/[^/?#]+$/.test(claimed) ? claimed : headers
}

function hostnameOf(origin: string): string {
  try {
    return new URL(origin).hostname
  } catch {
    return ''
  }
}

/**
 * Turnstile, hCaptcha, reCAPTCHA and Friendly Captcha in the browser: each one's script with its global (built
 * from the shared widget and the provider's API), and the widget's calls to the emulator.
 */
export function emulatedWidgetRoutes(router: Router, context: MockContext) {
  for (const [provider, { script, global }] of Object.entries(EMULATED_PROVIDERS)) {
    const api = EMULATED_SCRIPTS[provider as EmulatedProvider]
    // One function per script, so the shared helpers stay off the page's globals, and a
    // second copy on the page leaves the first one in place, as the real scripts do.
    const body = `;(function () {\n'use strict'\nif (window.${global}) return\n${EMULATED_SCRIPTS.widget}\n${api}\n})()\n`
    serveAsset(router, script, body, 'text/javascript; charset=utf-8')
    if (provider === 'friendlycaptcha')
      serveAsset(router, '/friendlycaptcha/npm/*', body, 'text/javascript; charset=utf-8')
  }
  // The real reCAPTCHA api.js fetches the rest of itself from gstatic; the emulated one needs
  // nothing, but a page that preloads it gets an answer rather than a request to the network.
  serveAsset(
    router,
    '/recaptcha/gstatic/*',
    '/* emulated reCAPTCHA: api.js needs nothing from here */\n',
    'text/javascript; charset=utf-8',
  )

  for (const provider of Object.keys(EMULATED_PROVIDERS) as EmulatedProvider[]) {
    const codes = WIDGET_ERRORS[provider]
    const read = async ({ request }: Incoming) =>
      checkBody<WidgetBody>(await readJson(request), widgetBody)
    /**
     * The site, refused when unknown. A v2 key cannot answer execute(siteKey), nor a v3 key
     * solve a checkbox; but a session asked without a version (a v3 library's explicit render
     * of its key into a container) is told the key's own.
     */
    const siteFor = (body: WidgetBody, anyVersion = false): EmulatedSite => {
      const site = context.sites.site(provider, body.sitekey)
      if (!site) throw new RequestRefused(400, codes.sitekey)
      const asked = body.version ?? (anyVersion ? site.version : undefined) ?? 'v2'
      if (provider === 'recaptcha' && (site.version ?? 'v2') !== asked)
        throw new RequestRefused(400, codes.sitekey)
      return site
    }
    const timeoutSeconds = (site: EmulatedSite) =>
      site.challengeTimeoutSeconds ?? DEFAULT_CHALLENGE_TIMEOUT_SECONDS

    router.add('POST', `/${provider}/mock/session`, EMULATED_WIDGETS, async (incoming) => {
      const site = siteFor(await read(incoming), true)
      return {
        interactive: site.interactive !== false,
        test: Boolean(site.dummyToken),
        invisible: Boolean(site.invisible),
        ...(provider === 'recaptcha' && { version: site.version ?? 'v2' }),
      }
    })

    // An interactive challenge shown to the person: it times out on the emulator's clock.
    router.add('POST', `/${provider}/mock/challenge`, EMULATED_WIDGETS, async (incoming) => {
      const site = siteFor(await read(incoming))
      const seconds = timeoutSeconds(site)
      const challenge = context.signer.sign({
        typ: 'shown',
        p: provider,
        sk: site.siteKey,
        exp: context.clock.now() + seconds * 1000,
      })
      return { challenge, expires_in: seconds }
    })

    router.add('POST', `/${provider}/mock/solve`, EMULATED_WIDGETS, async (incoming) => {
      const body = await read(incoming)
      const site = siteFor(body)
      const { action = '', cdata = '' } = body
      const rules = INPUT_RULES[provider]
      if (!rules.action.test(action) || !rules.cdata.test(cdata))
        throw new RequestRefused(400, codes.input)
      const now = context.clock.now()
      if (body.challenge !== undefined && codes.timeout) {
        const shown = context.signer.open(body.challenge)
        if (!shown || shown.typ !== 'shown' || shown.p !== provider || shown.sk !== site.siteKey)
          throw new RequestRefused(400, codes.input)
        if (typeof shown.exp !== 'number' || shown.exp <= now)
          throw new RequestRefused(403, codes.timeout)
      }
      if (site.outcome === 'fail') throw new RequestRefused(403, codes.failed)
      const ttl = site.tokenTtlSeconds ?? PROVIDER_TOKEN_TTL_SECONDS[provider]
      if (site.dummyToken) return { token: site.dummyToken, expires_in: ttl }
      const origin =
        provider === 'friendlycaptcha'
          ? solverOrigin(incoming.request, body.origin)
          : pageOrigin(incoming.request)
      const token = mintSiteToken(context.signer, site, {
        action,
        cdata,
        hostname: hostnameOf(origin),
        ...(provider === 'friendlycaptcha' && { origin }),
        issuedAt: now,
        expiresAt: now + ttl * 1000,
      })
      return { token, expires_in: ttl }
    })
  }
}
