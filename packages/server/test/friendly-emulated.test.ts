// createVerifier({ provider: 'friendlycaptcha' }) against @passline/mock-server's emulated
// Friendly Captcha: at its production URL (the emulator as the fetch), at the HTTP mock's
// (siteverifyUrl), and each refusal read as the verdict it is.
import {
  createEmulator,
  createManualClock,
  createMockServer,
  FRIENDLY_DEMO_API_KEY,
  solveProviderChallenge,
  type Emulator,
} from '@passline/mock-server'
import { describe, expect, it } from 'vitest'
import { createVerifier, type FetchLike } from '../src/index'

const SITE_KEY = 'FCMPASSLINEDEMO1'

/** A fetch that only the emulator answers, and records the URLs asked. */
function emulatorFetch(emulator: Emulator) {
  const asked: string[] = []
  const fetch: FetchLike = (url, init) => {
    asked.push(url)
    return emulator.handle(new Request(url, init as RequestInit))
  }
  return { fetch, asked }
}

const solve = async (emulator: Emulator | string, siteKey = SITE_KEY) =>
  (
    await solveProviderChallenge(emulator, {
      provider: 'friendlycaptcha',
      siteKey,
      hostname: 'shop.example',
    })
  ).token

describe('Friendly Captcha verified against the emulator', () => {
  it('passes once at the production URL, with the hostname; the second use is token_consumed', async () => {
    const emulator = createEmulator()
    const { fetch, asked } = emulatorFetch(emulator)
    const verifier = createVerifier({
      provider: 'friendlycaptcha',
      secret: FRIENDLY_DEMO_API_KEY,
      siteKey: SITE_KEY,
      fetch,
      meter: false,
    })
    const token = await solve(emulator)
    expect(await verifier.verify(token, { expectedHostname: 'shop.example' })).toMatchObject({
      success: true,
      provider: 'friendlycaptcha',
      hostname: 'shop.example',
    })
    expect(await verifier.verify(token)).toMatchObject({
      success: false,
      error: 'token_consumed',
      detail: 'response_duplicate',
    })
    expect(asked).toEqual([
      'https://global.frcapi.com/api/v2/captcha/siteverify',
      'https://global.frcapi.com/api/v2/captcha/siteverify',
    ])
  })

  it('reads each refusal: a wrong key, another site key, a forged, expired or other-site response', async () => {
    const clock = createManualClock()
    const emulator = createEmulator({ clock })
    const { fetch } = emulatorFetch(emulator)
    const verifier = (secret: string, siteKey = SITE_KEY) =>
      createVerifier({ provider: 'friendlycaptcha', secret, siteKey, fetch, meter: false })
    const token = await solve(emulator)
    expect(await verifier('A1wrong').verify(token)).toMatchObject({
      error: 'invalid_secret',
      detail: 'auth_invalid',
    })
    expect(await verifier(FRIENDLY_DEMO_API_KEY, 'FCMNOTTHEIRS0000').verify(token)).toMatchObject({
      error: 'invalid_site_key',
      detail: 'sitekey_invalid',
    })
    expect(await verifier(FRIENDLY_DEMO_API_KEY, 'FCMPASSLINECLICK').verify(token)).toMatchObject({
      error: 'invalid_token',
      detail: 'response_invalid',
    })
    expect(await verifier(FRIENDLY_DEMO_API_KEY).verify('frc2.forged.response')).toMatchObject({
      error: 'invalid_token',
    })
    expect(
      await verifier(FRIENDLY_DEMO_API_KEY).verify(token, { expectedHostname: 'other.example' }),
    ).toMatchObject({ error: 'token_hostname_mismatch' })
    const old = await solve(emulator)
    clock.advance(1_800_000)
    expect(await verifier(FRIENDLY_DEMO_API_KEY).verify(old)).toMatchObject({
      error: 'token_expired',
      detail: 'response_timeout',
    })
  })

  it('passes at the HTTP mock through siteverifyUrl, and on the EU endpoint', async () => {
    const mock = await createMockServer()
    try {
      const verifier = createVerifier({
        provider: 'friendlycaptcha',
        secret: FRIENDLY_DEMO_API_KEY,
        siteKey: SITE_KEY,
        siteverifyUrl: `${mock.url}/api/v2/captcha/siteverify`,
        meter: false,
      })
      expect(await verifier.verify(await solve(mock.url))).toMatchObject({ success: true })
    } finally {
      await mock.close()
    }
    const emulator = createEmulator()
    const { fetch, asked } = emulatorFetch(emulator)
    const eu = createVerifier({
      provider: 'friendlycaptcha',
      secret: FRIENDLY_DEMO_API_KEY,
      siteverifyUrl: 'https://eu.frcapi.com/api/v2/captcha/siteverify',
      fetch,
      meter: false,
    })
    expect(await eu.verify(await solve(emulator))).toMatchObject({ success: true })
    expect(asked).toEqual(['https://eu.frcapi.com/api/v2/captcha/siteverify'])
  })
})
