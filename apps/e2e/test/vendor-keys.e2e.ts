// The vendors' documented test keys (reference/provider-protocols.md), through other people's
// clients at their default script URLs and @passline/server's verifier with no URL override,
// behave as the vendors document them: Turnstile's pass, fail, invisible and forced-interactive
// site keys and its pass, fail and "already spent" secrets, hCaptcha's and reCAPTCHA v2's test
// pairs; dummy tokens verify any number of times with a test secret, never with a real one.
import {
  HCAPTCHA_TEST_SECRET,
  RECAPTCHA_TEST_SECRET,
  TURNSTILE_DUMMY_TOKEN,
  TURNSTILE_TEST_SECRETS,
} from '@passline/mock-server'
import { createVerifier } from '@passline/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPeerStage, type PeerStage } from './peer-stage'

const TURNSTILE = {
  pass: '1x00000000000000000000AA',
  fail: '2x00000000000000000000AB',
  passInvisible: '1x00000000000000000000BB',
  failInvisible: '2x00000000000000000000BB',
  interactive: '3x00000000000000000000FF',
}

let stage: PeerStage

beforeAll(async () => {
  stage = await startPeerStage()
})

afterAll(async () => {
  await stage?.close()
})

const turnstileWith = (secret: string) => createVerifier({ provider: 'turnstile', secret })

describe('Turnstile test keys, through @marsidev/react-turnstile', () => {
  it('1x…AA passes visibly with the dummy token; the three test secrets pass, fail and call it spent', async () => {
    const page = await stage.open('turnstile', { siteKey: TURNSTILE.pass })
    const { tokens } = await stage.record(page)
    expect(tokens).toEqual([TURNSTILE_DUMMY_TOKEN])
    expect(await page.getByRole('checkbox').isVisible()).toBe(true)
    const pass = turnstileWith(TURNSTILE_TEST_SECRETS.pass)
    // A dummy token verifies any number of times.
    for (let i = 0; i < 2; i++)
      expect(await pass.verify(tokens[0]!)).toMatchObject({ success: true, hostname: 'localhost' })
    const failed = await turnstileWith(TURNSTILE_TEST_SECRETS.fail).verify(tokens[0]!)
    expect(failed).toMatchObject({ success: false, error: 'invalid_token' })
    expect(failed.raw).toMatchObject({ 'error-codes': ['invalid-input-response'] })
    const spent = await turnstileWith(TURNSTILE_TEST_SECRETS.spent).verify(tokens[0]!)
    expect(spent).toMatchObject({ success: false, error: 'token_expired_or_consumed' })
    expect(spent.raw).toMatchObject({ 'error-codes': ['timeout-or-duplicate'] })
    // The dummy token with a production secret is not a token.
    const real = await turnstileWith('0x4AAAAAAAPasslineDemoSecret').verify(tokens[0]!)
    expect(real.raw).toMatchObject({ 'error-codes': ['invalid-input-response'] })
  })

  it.each([
    ['2x…AB (visible)', TURNSTILE.fail, true],
    ['2x…BB (invisible)', TURNSTILE.failInvisible, false],
  ])('%s fails: the error callback gets 600010, and no token', async (_, siteKey, visible) => {
    const page = await stage.open('turnstile', { siteKey })
    const { tokens, errors } = await stage.record(page, 'error')
    expect(errors[0]).toBe('600010')
    expect(tokens).toEqual([])
    expect(await page.getByRole('checkbox').isVisible()).toBe(visible)
  })

  it('1x…BB passes with nothing drawn', async () => {
    const page = await stage.open('turnstile', { siteKey: TURNSTILE.passInvisible })
    const { tokens } = await stage.record(page)
    expect(tokens).toEqual([TURNSTILE_DUMMY_TOKEN])
    expect(await page.getByRole('checkbox').isVisible()).toBe(false)
  })

  it('3x…FF forces an interactive challenge: no token until the person clicks', async () => {
    const page = await stage.open('turnstile', { siteKey: TURNSTILE.interactive })
    await page.getByRole('checkbox').waitFor()
    expect(
      await page.evaluate(() => (window as unknown as { peer: { tokens: string[] } }).peer.tokens),
    ).toEqual([])
    await page.getByRole('checkbox').click()
    expect((await stage.record(page)).tokens).toEqual([TURNSTILE_DUMMY_TOKEN])
  })
})

describe('hCaptcha test pairs, through @hcaptcha/react-hcaptcha', () => {
  it.each([
    ['publisher', '10000000-ffff-ffff-ffff-000000000001', '10000000-aaaa-bbbb-cccc-000000000001'],
    [
      'enterprise safe user',
      '20000000-ffff-ffff-ffff-000000000002',
      '20000000-aaaa-bbbb-cccc-000000000002',
    ],
  ])(
    '%s: the dummy token, verified by the test secret as dummy-key-pass',
    async (_, siteKey, dummy) => {
      const page = await stage.open('hcaptcha', { siteKey })
      await page.getByRole('checkbox').click()
      const { tokens } = await stage.record(page)
      expect(tokens).toEqual([dummy])
      const verifier = createVerifier({ provider: 'hcaptcha', secret: HCAPTCHA_TEST_SECRET })
      for (let i = 0; i < 2; i++)
        expect(await verifier.verify(dummy)).toMatchObject({
          success: true,
          hostname: 'dummy-key-pass',
        })
      // The dummy token with a real secret: hCaptcha's not-using-dummy-secret.
      const real = await createVerifier({
        provider: 'hcaptcha',
        secret: '0xPasslineDemoHcaptchaSecret',
      }).verify(dummy)
      expect(real).toMatchObject({ success: false, error: 'invalid_token' })
      expect(real.raw).toMatchObject({ 'error-codes': ['not-using-dummy-secret'] })
    },
  )
})

describe('reCAPTCHA v2 test pair, through react-google-recaptcha', () => {
  it('passes with the "testing only" notice, and the test secret passes it as testkey.google.com', async () => {
    const page = await stage.open('recaptcha-v2', {
      siteKey: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
    })
    await page.getByText('For testing only', { exact: false }).waitFor()
    await page.getByRole('checkbox').click()
    const { tokens } = await stage.record(page)
    const verifier = createVerifier({ provider: 'recaptcha', secret: RECAPTCHA_TEST_SECRET })
    expect(await verifier.verify(tokens[0]!)).toMatchObject({
      success: true,
      hostname: 'testkey.google.com',
    })
  })
})

describe('the network', () => {
  it('was reached by nothing outside this machine, from the page or from Node', () => {
    expect(stage.refused).toEqual({ page: [], node: [] })
  })
})
