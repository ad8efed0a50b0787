import { secretDigest, secretMatches } from '../crypto/signing'
import { FRIENDLY_DEMO_SITES } from './friendly-sites'

/** The providers emulated besides CaptchaLa, each under its own path prefix. */
export type EmulatedProvider = 'turnstile' | 'hcaptcha' | 'recaptcha' | 'friendlycaptcha'

/** The three whose siteverify is a form post with a secret (Friendly Captcha's: friendly-siteverify.ts). */
export type FormSiteverifyProvider = Exclude<EmulatedProvider, 'friendlycaptcha'>

/** One site key of an emulated provider, with its secret and how its challenges behave. */
export interface EmulatedSite {
  provider: EmulatedProvider
  siteKey: string
  /** The site's secret; for Friendly Captcha, the account's API key (`X-API-Key`). */
  secret: string
  /**
   * A challenge needs the user: a visible checkbox is always clicked, and with this a challenge
   * started from code (`execute()`) opens a dialog to click too; without it a render-mode
   * Turnstile solves by itself and `execute()` passes at once. Default true.
   */
  interactive?: boolean
  /** The widget draws nothing, whatever the page asked for (Turnstile's invisible test keys). */
  invisible?: boolean
  /** `fail` fails every challenge (the provider's own failure code). Default `pass`. */
  outcome?: 'pass' | 'fail'
  /** reCAPTCHA: `v3` keys hand out score tokens through `execute(siteKey)`. Default `v2`. */
  version?: 'v2' | 'v3'
  /** reCAPTCHA v3: the score siteverify reports. Default 0.9. */
  score?: number
  /**
   * Token lifetime. Default: the provider's (Turnstile 300 s, hCaptcha and reCAPTCHA 120 s,
   * Friendly Captcha 1800 s).
   */
  tokenTtlSeconds?: number
  /**
   * The provider's documented test key: its widget hands out `dummyToken`, which only the
   * test secrets accept, any number of times.
   */
  dummyToken?: string
  /** What siteverify reports as `hostname` for a dummy token. */
  testHostname?: string
  /**
   * Turnstile and hCaptcha: how long an interactive challenge waits for the person before it
   * times out (Turnstile's `timeout-callback`, hCaptcha's `chalexpired-callback`). Default 120 s.
   */
  challengeTimeoutSeconds?: number
}

/** Neither provider documents the figure; two minutes is the order of their tokens' lives. */
export const DEFAULT_CHALLENGE_TIMEOUT_SECONDS = 120

export const PROVIDER_TOKEN_TTL_SECONDS: Record<EmulatedProvider, number> = {
  turnstile: 300,
  hcaptcha: 120,
  recaptcha: 120,
  // Friendly Captcha documents no figure for v2 (its widget says when a response expires):
  // half an hour, longer than the 10 minutes Passline's adapter refreshes within.
  friendlycaptcha: 1800,
}

export const TURNSTILE_DUMMY_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX'
/** Turnstile's test secrets: always pass, always fail, always `timeout-or-duplicate`. */
export const TURNSTILE_TEST_SECRETS = {
  pass: '1x0000000000000000000000000000000AA',
  fail: '2x0000000000000000000000000000000AA',
  spent: '3x0000000000000000000000000000000AA',
} as const
export const HCAPTCHA_TEST_SECRET = '0x0000000000000000000000000000000000000000'
export const RECAPTCHA_TEST_SECRET = '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe'

const turnstileTest = (siteKey: string, rest: Partial<EmulatedSite>): EmulatedSite => ({
  provider: 'turnstile',
  siteKey,
  secret: TURNSTILE_TEST_SECRETS.pass,
  dummyToken: TURNSTILE_DUMMY_TOKEN,
  testHostname: 'localhost',
  interactive: false,
  ...rest,
})

/** The documented test keys of each provider. */
export const PROVIDER_TEST_SITES: readonly EmulatedSite[] = [
  turnstileTest('1x00000000000000000000AA', {}),
  turnstileTest('2x00000000000000000000AB', { outcome: 'fail' }),
  turnstileTest('1x00000000000000000000BB', { invisible: true }),
  turnstileTest('2x00000000000000000000BB', { invisible: true, outcome: 'fail' }),
  turnstileTest('3x00000000000000000000FF', { interactive: true }),
  {
    provider: 'hcaptcha',
    siteKey: '10000000-ffff-ffff-ffff-000000000001',
    secret: HCAPTCHA_TEST_SECRET,
    dummyToken: '10000000-aaaa-bbbb-cccc-000000000001',
    testHostname: 'dummy-key-pass',
    interactive: false,
  },
  {
    provider: 'hcaptcha',
    siteKey: '20000000-ffff-ffff-ffff-000000000002',
    secret: HCAPTCHA_TEST_SECRET,
    dummyToken: '20000000-aaaa-bbbb-cccc-000000000002',
    testHostname: 'dummy-key-pass',
    interactive: false,
  },
  {
    provider: 'recaptcha',
    siteKey: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
    secret: RECAPTCHA_TEST_SECRET,
    // Any token passes with the test secret; the widget still hands out this one.
    dummyToken: '03AGdBq24PBCbwiDRaS_MJ7Z-test-key-response',
    testHostname: 'testkey.google.com',
    interactive: false,
  },
]

/**
 * Keys that behave like production ones: tokens are minted by this server, carry the action
 * and hostname, expire and verify once. The sample apps use these.
 */
export const PROVIDER_DEMO_SITES: readonly EmulatedSite[] = [
  {
    provider: 'turnstile',
    siteKey: '0x4AAAAAAAPasslineDemo',
    secret: '0x4AAAAAAAPasslineDemoSecret',
    interactive: false,
  },
  {
    provider: 'turnstile',
    siteKey: '0x4AAAAAAAPasslineDemoInteractive',
    secret: '0x4AAAAAAAPasslineDemoSecret2',
  },
  {
    provider: 'hcaptcha',
    siteKey: 'a1b2c3d4-0000-4000-8000-passline0001',
    secret: '0xPasslineDemoHcaptchaSecret',
  },
  {
    provider: 'recaptcha',
    siteKey: '6LPasslineDemoV2CheckboxKey00000000000000',
    secret: '6LPasslineDemoV2CheckboxSecret0000000000',
    interactive: false,
  },
  {
    provider: 'recaptcha',
    siteKey: '6LPasslineDemoV3ScoreKey0000000000000000',
    secret: '6LPasslineDemoV3ScoreSecret000000000000',
    version: 'v3',
    interactive: false,
  },
  ...FRIENDLY_DEMO_SITES,
]

/** Sites by provider and site key: the test and demo keys plus the caller's, which win. */
export function siteRegistry(extra: readonly EmulatedSite[] = []) {
  const sites = new Map<string, EmulatedSite>()
  for (const site of [...PROVIDER_TEST_SITES, ...PROVIDER_DEMO_SITES, ...extra]) {
    sites.set(`${site.provider}:${site.siteKey}`, site)
  }
  const digests = new Map([...sites.values()].map((site) => [site, secretDigest(site.secret)]))
  return {
    site: (provider: EmulatedProvider, siteKey: string) => sites.get(`${provider}:${siteKey}`),
    /** Every site of `provider` whose secret is `secret`, each compared in constant time. */
    bySecret: (provider: EmulatedProvider, secret: string) =>
      [...digests].flatMap(([site, digest]) =>
        site.provider === provider && secretMatches(secret, digest) ? [site] : [],
      ),
  }
}
export type SiteRegistry = ReturnType<typeof siteRegistry>
