import {
  createVerifier,
  type AltchaVerifierConfig,
  type CapRedeemError,
  type CapVerifierConfig,
  type PolicyStore,
} from '@passline/server'
import type { FastifyInstance } from 'fastify'
import type { DemoKey } from './verifiers'
import { readWidgetFiles, widgetUrl, WIDGETS_PATH } from './widget-files'

/** ALTCHA's challenge URL and Cap's endpoint: the `siteKey` a page gives each widget. */
export const ALTCHA_CHALLENGE_URL = '/api/altcha/challenge'
export const CAP_ENDPOINT = '/api/cap/'

/**
 * The demo's own secrets, so that `npm run demo` needs no set-up. They are published here, so
 * anyone could sign challenges with them: a real backend sets its own (`ALTCHA_SECRET`,
 * `CAP_SECRET`), the same on every instance.
 */
export const DEMO_ALTCHA_SECRET = 'passline-demo-altcha-not-for-production'
export const DEMO_CAP_SECRET = 'passline-demo-cap-not-for-production'

const SIGNUP_ACTION = 'signup'

/** ALTCHA's or Cap's `createVerifier` options but the store, which is the policy's. */
type Tuning<Config> = Partial<Omit<Config, 'provider' | 'store'>>

export interface SelfHostedOptions {
  /** `secret` (default the demo's), and the difficulty: `cost`, `counter`. */
  altcha?: Tuning<AltchaVerifierConfig>
  /** `secret` (default the demo's), and the difficulty: `challengeCount`, `challengeDifficulty`. */
  cap?: Tuning<CapVerifierConfig>
}

/** The picker's entries for ALTCHA and Cap, with what checks their tokens. */
export interface SelfHostedKey {
  provider: 'altcha' | 'cap'
  siteKey: string
  label: string
  scriptUrl: string
  demoKey: DemoKey
}

// Cap's own statuses for a refused redeem, as `verifier.handle` answers them.
const REDEEM_STATUS: Record<CapRedeemError, number> = {
  invalid_body: 400,
  invalid_token: 403,
  expired: 403,
  invalid_solution: 403,
  already_redeemed: 403,
  nonce_store_error: 503,
}

/**
 * ALTCHA and Cap with their challenges issued here, as the server README teaches: each
 * solution used once through `store`, the policy's, so with Redis a payload or token used at
 * one instance is refused at every other. The challenges carry the signup action.
 */
export async function createSelfHosted(store: PolicyStore, options: SelfHostedOptions = {}) {
  const altcha = createVerifier({
    ...options.altcha,
    secret: options.altcha?.secret || DEMO_ALTCHA_SECRET,
    provider: 'altcha',
    store,
  })
  const cap = createVerifier({
    ...options.cap,
    secret: options.cap?.secret || DEMO_CAP_SECRET,
    provider: 'cap',
    store,
  })
  const widgets = await readWidgetFiles()

  const keys: SelfHostedKey[] = [
    {
      provider: 'altcha',
      siteKey: ALTCHA_CHALLENGE_URL,
      label: 'this backend: proof of work',
      scriptUrl: widgetUrl('altcha.js'),
      demoKey: { verifier: altcha, expectedAction: SIGNUP_ACTION },
    },
    {
      provider: 'cap',
      siteKey: CAP_ENDPOINT,
      label: 'this backend: proof of work',
      scriptUrl: widgetUrl('cap.js'),
      demoKey: { verifier: cap, expectedAction: SIGNUP_ACTION },
    },
  ]

  function register(server: FastifyInstance) {
    // A challenge is for one visitor, once: no cache may keep or share it.
    server.get(ALTCHA_CHALLENGE_URL, async (_request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await altcha.issueChallenge({ action: SIGNUP_ACTION })),
    )
    server.post(`${CAP_ENDPOINT}challenge`, async (_request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await cap.issueChallenge({ action: SIGNUP_ACTION })),
    )
    server.post(`${CAP_ENDPOINT}redeem`, async (request, reply) => {
      const result = await cap.redeemChallenge(request.body)
      return reply
        .header('cache-control', 'no-store')
        .code(result.success ? 200 : REDEEM_STATUS[result.error])
        .send(result)
    })
    server.get<{ Params: { file: string } }>(`${WIDGETS_PATH}:file`, async (request, reply) => {
      const file = widgets.get(request.params.file)
      if (!file) return reply.callNotFound()
      return reply.header('content-type', file.type).send(file.body)
    })
  }

  return { keys, register, wasmUrl: widgetUrl('cap_wasm_bg.wasm') }
}
