// What a backend does against the emulator through MSW, at the providers' real URLs with
// nothing overridden: shared by the MSW 2 test (in Vitest: Node 24, and Node 20 in the
// compatibility stage) and the MSW 3 run (a Node 22 process, see msw3-run.ts). Returns what each call answered.
import { solveChallenge, solveProviderChallenge, type Emulator } from '../../src/index'

const json = { 'content-type': 'application/json' }

async function validate(token: string) {
  const response = await fetch('https://apiv1.captcha.la/v1/validate', {
    method: 'POST',
    headers: { ...json, 'x-app-key': 'test_pass', 'x-app-secret': 'test_secret' },
    body: JSON.stringify({ pass_token: token }),
  })
  return ((await response.json()) as { data: { valid: boolean; error?: string } }).data
}

async function turnstileSiteverify(token: string) {
  const response = await fetch('https://challenges.cloudflare.com/turnstile/v0/siteverify', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ secret: '0x4AAAAAAAPasslineDemoSecret', response: token }),
  })
  return (await response.json()) as { success: boolean; 'error-codes'?: string[] }
}

export async function backendChecks(emulator: Emulator) {
  const { token } = await solveChallenge(emulator, { appKey: 'test_pass', action: 'signup' })
  const issued = await fetch('https://apiv1.captcha.la/v1/server/challenge/issue', {
    method: 'POST',
    headers: { ...json, 'x-app-key': 'test_pass', 'x-app-secret': 'test_secret' },
    body: JSON.stringify({ action: 'login' }),
  })
  const turnstile = await solveProviderChallenge(emulator, {
    provider: 'turnstile',
    siteKey: '0x4AAAAAAAPasslineDemo',
  })
  return {
    validated: await validate(token),
    replayed: await validate(token),
    issued: ((await issued.json()) as { data: { server_token: string } }).data.server_token,
    siteverified: await turnstileSiteverify(turnstile.token),
    resiteverified: await turnstileSiteverify(turnstile.token),
  }
}
