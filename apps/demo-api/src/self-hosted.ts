import {
  createVerifier,
  type AltchaVerifierConfig,
  type CapVerifierConfig,
  type PolicyStore,
} from '@passline/server'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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
    // Cap's two routes through the verifier's Fetch handler, as the server README's Hono recipe
    // has them: Cap's own codes and statuses for a refused redeem, never cached.
    const capRoute = async (request: FastifyRequest, reply: FastifyReply) => {
      const response = await cap.handle(asFetchRequest(request), { action: SIGNUP_ACTION })
      return reply
        .code(response.status)
        .headers(Object.fromEntries(response.headers))
        .send(await response.text())
    }
    server.post(`${CAP_ENDPOINT}challenge`, capRoute)
    server.post(`${CAP_ENDPOINT}redeem`, capRoute)
    server.get<{ Params: { file: string } }>(`${WIDGETS_PATH}:file`, async (request, reply) => {
      const file = widgets.get(request.params.file)
      if (!file) return reply.callNotFound()
      return reply.header('content-type', file.type).send(file.body)
    })
  }

  return { keys, register, wasmUrl: widgetUrl('cap_wasm_bg.wasm') }
}

/** A Fastify request as the Fetch `Request` a handler takes: its path, and its JSON body again. */
function asFetchRequest(request: FastifyRequest) {
  const body = request.body === undefined ? {} : { body: JSON.stringify(request.body) }
  return new Request(new URL(request.url, 'http://demo-api.invalid'), {
    method: request.method,
    headers: { 'content-type': 'application/json' },
    ...body,
  })
}
