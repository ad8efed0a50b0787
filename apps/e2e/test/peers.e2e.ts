// Other people's clients, unchanged, at their default script URLs: popular React libraries for
// Turnstile, hCaptcha and reCAPTCHA v2 and v3, vue-turnstile, and a Passline page with no
// `scriptUrl` (pinned dev dependencies of this package), each used as its README shows. The
// providers' real hosts answer from the emulator through `routeProviders`; each library must
// render and hand its token to its own callback, and the token must pass @passline/server's
// verifier with no URL override (its requests reach the same emulator through MSW), once.
import { createVerifier, type VerifierConfig } from '@passline/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPeerStage, type PeerPage, type PeerStage } from './peer-stage'

interface Peer {
  library: string
  page: PeerPage
  siteKey: string
  /** The backend's production configuration: keys only, no URL. */
  verifier: VerifierConfig
  /** The emulated checkbox waits for a click. */
  click?: boolean
  /** The action the token carries, checked by the verifier. */
  action?: string
  query?: Record<string, string>
}

const TURNSTILE_DEMO = { siteKey: '0x4AAAAAAAPasslineDemo', secret: '0x4AAAAAAAPasslineDemoSecret' }
const RECAPTCHA_V3_DEMO = {
  siteKey: '6LPasslineDemoV3ScoreKey0000000000000000',
  secret: '6LPasslineDemoV3ScoreSecret000000000000',
}

const PEERS: Record<string, Peer> = {
  turnstile: {
    library: '@marsidev/react-turnstile',
    page: 'turnstile',
    siteKey: TURNSTILE_DEMO.siteKey,
    verifier: { provider: 'turnstile', secret: TURNSTILE_DEMO.secret },
    action: 'signup',
  },
  'vue-turnstile': {
    library: 'vue-turnstile',
    page: 'vue-turnstile',
    siteKey: TURNSTILE_DEMO.siteKey,
    verifier: { provider: 'turnstile', secret: TURNSTILE_DEMO.secret },
  },
  hcaptcha: {
    library: '@hcaptcha/react-hcaptcha',
    page: 'hcaptcha',
    siteKey: 'a1b2c3d4-0000-4000-8000-passline0001',
    verifier: { provider: 'hcaptcha', secret: '0xPasslineDemoHcaptchaSecret' },
    click: true,
  },
  'recaptcha-v2': {
    library: 'react-google-recaptcha',
    page: 'recaptcha-v2',
    siteKey: '6LPasslineDemoV2CheckboxKey00000000000000',
    verifier: { provider: 'recaptcha', secret: '6LPasslineDemoV2CheckboxSecret0000000000' },
    click: true,
  },
  'recaptcha-v3': {
    library: 'react-google-recaptcha-v3 (script in <head>, execute by site key)',
    page: 'recaptcha-v3',
    siteKey: RECAPTCHA_V3_DEMO.siteKey,
    verifier: { provider: 'recaptcha', secret: RECAPTCHA_V3_DEMO.secret },
    action: 'signup',
  },
  'recaptcha-v3-container': {
    library: 'react-google-recaptcha-v3 (its own container, explicit render, execute by id)',
    page: 'recaptcha-v3',
    siteKey: RECAPTCHA_V3_DEMO.siteKey,
    verifier: { provider: 'recaptcha', secret: RECAPTCHA_V3_DEMO.secret },
    action: 'signup',
    query: { container: 'recaptcha-box' },
  },
  passline: {
    library: '@passline/core, CaptchaLa, no scriptUrl',
    page: 'passline',
    siteKey: 'test_pass_invisible',
    verifier: { provider: 'captchala', appKey: 'test_pass_invisible', appSecret: 'test_secret' },
    action: 'signup',
  },
  'passline-turnstile': {
    library: '@passline/core, Turnstile, no scriptUrl',
    page: 'passline',
    siteKey: TURNSTILE_DEMO.siteKey,
    verifier: { provider: 'turnstile', secret: TURNSTILE_DEMO.secret },
    action: 'signup',
    query: { provider: 'turnstile' },
  },
}

let stage: PeerStage

beforeAll(async () => {
  stage = await startPeerStage()
})

afterAll(async () => {
  await stage?.close()
})

describe('peer libraries, unchanged, at their default script URLs', () => {
  const cases = Object.entries(PEERS).map(([name, peer]) => ({ name, ...peer }))
  it.each(cases)('$name: $library', async (peer) => {
    const page = await stage.open(peer.page, { siteKey: peer.siteKey, ...peer.query })
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    if (peer.click) await page.getByRole('checkbox').click()
    const { tokens, errors } = await stage.record(page)
    expect(errors).toEqual([])
    expect(pageErrors).toEqual([])

    const verifier = createVerifier(peer.verifier)
    const expected = { ...(peer.action && { expectedAction: peer.action }) }
    const first = await verifier.verify(tokens[0]!, expected)
    expect(first).toMatchObject({ success: true, provider: peer.verifier.provider })
    if (peer.verifier.provider !== 'captchala') expect(first.hostname).toBe('127.0.0.1')
    // Minted tokens are single-use, as the providers' are: a replay is refused.
    expect(await verifier.verify(tokens[0]!, expected)).toMatchObject({
      success: false,
      error: expect.stringMatching(/^token_(consumed|expired_or_consumed)$/),
    })
  })

  it('reached nothing outside this machine, from the page or from Node', () => {
    expect(stage.refused).toEqual({ page: [], node: [] })
  })
})
