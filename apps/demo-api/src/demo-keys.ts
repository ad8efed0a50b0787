// The keys the sample pages may pick: the mock's CaptchaLa test apps, and for Turnstile,
// hCaptcha and reCAPTCHA the mock's demo keys (tokens minted, single-use, carrying the action)
// and the providers' documented test keys; for Friendly Captcha, which documents none, the
// mock's demo keys of one account (its API key verifies them all). A real backend knows its
// one key pair, from its environment, and trusts no other.

export type EmulatedProviderName = 'turnstile' | 'hcaptcha' | 'recaptcha' | 'friendlycaptcha'

export interface DemoSiteKey {
  key: string
  label: string
  secret: string
  /** reCAPTCHA v3: score tokens. */
  version?: 'v2' | 'v3'
  /** Tokens of this key carry the page's action (test keys' dummy tokens carry none). */
  checksAction?: boolean
}

export const CAPTCHALA_KEYS = [
  'test_pass',
  'test_pass_invisible',
  'test_fail',
  'test_expire_fast',
  'test_slow',
  'test_offline',
  'test_client_only',
  'test_never_ready',
]

const TURNSTILE_TEST_SECRET = '1x0000000000000000000000000000000AA'
const FRIENDLY_DEMO_API_KEY = 'A1PasslineDemoFriendlyCaptchaApiKey0000'

export const PROVIDER_KEYS: Record<EmulatedProviderName, DemoSiteKey[]> = {
  turnstile: [
    {
      key: '0x4AAAAAAAPasslineDemo',
      label: 'demo: managed, solves by itself',
      secret: '0x4AAAAAAAPasslineDemoSecret',
      checksAction: true,
    },
    {
      key: '0x4AAAAAAAPasslineDemoInteractive',
      label: 'demo: asks for a click',
      secret: '0x4AAAAAAAPasslineDemoSecret2',
      checksAction: true,
    },
    {
      key: '1x00000000000000000000AA',
      label: 'test: always passes',
      secret: TURNSTILE_TEST_SECRET,
    },
    { key: '2x00000000000000000000AB', label: 'test: always fails', secret: TURNSTILE_TEST_SECRET },
    {
      key: '3x00000000000000000000FF',
      label: 'test: forces an interactive challenge',
      secret: TURNSTILE_TEST_SECRET,
    },
  ],
  hcaptcha: [
    {
      key: 'a1b2c3d4-0000-4000-8000-passline0001',
      label: 'demo: a challenge when run from code',
      secret: '0xPasslineDemoHcaptchaSecret',
    },
    {
      key: '10000000-ffff-ffff-ffff-000000000001',
      label: 'test: always passes',
      secret: '0x0000000000000000000000000000000000000000',
    },
  ],
  recaptcha: [
    {
      key: '6LPasslineDemoV2CheckboxKey00000000000000',
      label: 'demo: v2 checkbox',
      secret: '6LPasslineDemoV2CheckboxSecret0000000000',
    },
    {
      key: '6LPasslineDemoV3ScoreKey0000000000000000',
      label: 'demo: v3 score',
      secret: '6LPasslineDemoV3ScoreSecret000000000000',
      version: 'v3',
      checksAction: true,
    },
    {
      key: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
      label: 'test: v2, always passes',
      secret: '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe',
    },
  ],
  // Friendly Captcha's responses carry no action: none is checked.
  friendlycaptcha: [
    {
      key: 'FCMPASSLINEDEMO1',
      label: 'demo: solves once the form is used',
      secret: FRIENDLY_DEMO_API_KEY,
    },
    {
      key: 'FCMPASSLINECLICK',
      label: 'demo: asks for a click',
      secret: FRIENDLY_DEMO_API_KEY,
    },
    { key: 'FCMPASSLINEFAILS', label: 'demo: always fails', secret: FRIENDLY_DEMO_API_KEY },
  ],
}
