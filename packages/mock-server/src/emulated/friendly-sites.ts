import type { EmulatedSite } from './sites'

/**
 * The demo account's API key: Friendly Captcha's API keys belong to the account, not to one
 * site key, and verify the responses of all its site keys (`sitekey` in the request narrows).
 */
export const FRIENDLY_DEMO_API_KEY = 'A1PasslineDemoFriendlyCaptchaApiKey0000'

/**
 * Friendly Captcha documents no test keys for v2: these demo keys, of one account, behave like
 * production ones (minted, single-use responses carrying the page's origin). Their site keys
 * have the real ones' shape (16 characters, `FC` first).
 */
export const FRIENDLY_DEMO_SITES: readonly EmulatedSite[] = [
  {
    provider: 'friendlycaptcha',
    siteKey: 'FCMPASSLINEDEMO1',
    secret: FRIENDLY_DEMO_API_KEY,
    interactive: false,
  },
  // The widget's interactive mode: started, it waits for a click on the widget.
  { provider: 'friendlycaptcha', siteKey: 'FCMPASSLINECLICK', secret: FRIENDLY_DEMO_API_KEY },
  // Every puzzle fails: the widget reports `frc:widget.error` with the code `other`.
  {
    provider: 'friendlycaptcha',
    siteKey: 'FCMPASSLINEFAILS',
    secret: FRIENDLY_DEMO_API_KEY,
    interactive: false,
    outcome: 'fail',
  },
]
