import { CaptchalaClient, createVerifier, type Verifier } from '@passline/server'
import { CAPTCHALA_KEYS, PROVIDER_KEYS, type EmulatedProviderName } from './demo-keys'

const SIGNUP_ACTION = 'signup'
const MIN_V3_SCORE = 0.5

/** What checks the tokens of one of the demo's keys. */
export interface DemoKey {
  verifier: Verifier
  /** The action its tokens must carry; none for keys whose tokens carry none. */
  expectedAction: string | undefined
  /**
   * CaptchaLa only: issues server tokens, the stricter challenge an escalated client must
   * answer. The other providers have no such flow here.
   */
  issuer?: CaptchalaClient
}

export interface VerifierOptions {
  /** Where CaptchaLa (or the mock) answers. */
  captchalaUrl: string
  /** Where Turnstile, hCaptcha, reCAPTCHA and Friendly Captcha's siteverify answer (the mock). */
  emulatorUrl: string
  appSecret: string
}

export interface DemoKeys {
  /** The key a page named, or undefined for one this backend does not know. */
  find(provider: unknown, siteKey: unknown): DemoKey | undefined
}

const SITEVERIFY_PATHS: Record<EmulatedProviderName, string> = {
  turnstile: '/turnstile/v0/siteverify',
  hcaptcha: '/hcaptcha/siteverify',
  recaptcha: '/recaptcha/api/siteverify',
  friendlycaptcha: '/api/v2/captcha/siteverify',
}

/**
 * One verifier per key of the demo's picker (`demo-keys.ts`, and ALTCHA's and Cap's from
 * `self-hosted.ts`), made once. A real backend has
 * one key pair from its environment and trusts no key a browser names.
 */
export function createDemoKeys(
  options: VerifierOptions,
  selfHosted: readonly { provider: string; siteKey: string; demoKey: DemoKey }[] = [],
): DemoKeys {
  const keys = new Map<string, DemoKey>()
  for (const { provider, siteKey, demoKey } of selfHosted)
    keys.set(entry(provider, siteKey), demoKey)
  for (const appKey of CAPTCHALA_KEYS) {
    const urls = {
      baseUrl: options.captchalaUrl,
      // The mock answers the backup host's path too, for `offline_` tokens.
      backupUrl: options.captchalaUrl,
    }
    const secrets = { appKey, appSecret: options.appSecret }
    keys.set(entry('captchala', appKey), {
      verifier: createVerifier({ provider: 'captchala', ...secrets, ...urls }),
      expectedAction: SIGNUP_ACTION,
      issuer: new CaptchalaClient({ ...secrets, ...urls }),
    })
  }
  for (const provider of Object.keys(PROVIDER_KEYS) as EmulatedProviderName[]) {
    for (const key of PROVIDER_KEYS[provider]) {
      const siteverifyUrl = `${options.emulatorUrl}${SITEVERIFY_PATHS[provider]}`
      const common = { secret: key.secret, siteverifyUrl }
      const verifier =
        provider === 'hcaptcha' || provider === 'friendlycaptcha'
          ? createVerifier({ provider, ...common, siteKey: key.key })
          : provider === 'recaptcha'
            ? createVerifier({
                provider,
                ...common,
                ...(key.version === 'v3' && { minScore: MIN_V3_SCORE }),
              })
            : createVerifier({ provider, ...common })
      // The providers' test keys answer with fixed dummy tokens that carry no action.
      keys.set(entry(provider, key.key), {
        verifier,
        expectedAction: key.checksAction ? SIGNUP_ACTION : undefined,
      })
    }
  }
  return {
    find: (provider, siteKey) =>
      typeof provider === 'string' && typeof siteKey === 'string'
        ? keys.get(entry(provider, siteKey))
        : undefined,
  }
}

const entry = (provider: string, siteKey: string) => `${provider}\n${siteKey}`
