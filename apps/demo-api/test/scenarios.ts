// What one client does to get past the escalation, against any backend that answers
// `POST /api/signup` `{ email, captchaToken }` with `{ error }` refusals (demo-api, the Next and
// Nuxt samples), on one instance or several sharing a store: each request goes to the next
// instance in turn. Each scenario returns what the client was answered, in order: `created`,
// or the refusal's `error`.
import { BAD_TOKEN, freshEmail, postJson, type Reply } from './requests'
import type { Upstream } from './upstream'

/** The tests' block threshold: above 50, so that fifty failures at once are all counted. */
export const BLOCK_AFTER = 51

export interface Client {
  /** The instances it talks to, in turn. */
  urls: string[]
  /** A good token, as the page's widget gets one. */
  token: () => Promise<string>
  /** Sent with every request: the `X-Forwarded-For` a trusted proxy writes, say. */
  headers?: Record<string, string>
}

const outcome = (reply: Reply) => (reply.status === 201 ? 'created' : String(reply.body.error))

function sender({ urls, headers }: Client) {
  let next = 0
  return async (captchaToken: string) =>
    outcome(
      await postJson(urls[next++ % urls.length]!, { email: freshEmail(), captchaToken }, headers),
    )
}

/** `count` bad tokens, one after another. */
export async function failures(client: Client, count: number) {
  const send = sender(client)
  const answers: string[] = []
  for (let i = 0; i < count; i++) answers.push(await send(BAD_TOKEN))
  return answers
}

/** `count` bad tokens at once. */
export function concurrentFailures(client: Client, count: number) {
  const send = sender(client)
  return Promise.all(Array.from({ length: count }, () => send(BAD_TOKEN)))
}

/**
 * Two failures, then `count` signups with good tokens at once (tokens minted beforehand). The
 * first `verifying` of them to reach the provider (all, unless the rest are blocked first) are
 * held there until all have arrived: the policy has checked every one before any is settled,
 * as when they truly arrive together, however slowly the server takes them in.
 */
export async function raceAtTwoFailures(
  client: Client & { upstream: Pick<Upstream, 'gather'> },
  count: number,
  verifying = count,
) {
  const tokens = await Promise.all(Array.from({ length: count }, client.token))
  await failures(client, 2)
  // The validations are held until the requests refused before verifying have their answers
  // too: only then has every request of the race been checked (a late check would otherwise
  // see the settled ones and not race at all).
  let answered = 0
  let othersAnswered!: () => void
  const refusedEarly = new Promise<void>((resolve) => (othersAnswered = resolve))
  if (count === verifying) othersAnswered()
  client.upstream.gather(verifying, refusedEarly)
  const send = sender(client)
  return Promise.all(
    tokens.map(async (token) => {
      const answer = await send(token)
      if (++answered === count - verifying) othersAnswered()
      return answer
    }),
  )
}

/** "Two failures, then one success", `rounds` times. */
export async function interleaved(client: Client, rounds: number) {
  const send = sender(client)
  const answers: string[] = []
  for (let round = 0; round < rounds; round++) {
    for (const token of [BAD_TOKEN, BAD_TOKEN, await client.token()])
      answers.push(await send(token))
  }
  return answers
}

/** What `failures(…, blockAfter + 1)` must answer: two refusals, the challenge, then the block. */
export function escalation(blockAfter: number, challengeAfter = 3) {
  return [
    ...Array<string>(challengeAfter - 1).fill('captcha_failed'),
    ...Array<string>(blockAfter - challengeAfter + 1).fill('challenge_required'),
    'blocked',
  ]
}

/** What `interleaved(…, rounds)` must answer: one success, then never another. */
export function interleaving(rounds: number) {
  return [
    'captcha_failed',
    'captcha_failed',
    'created',
    ...Array<string>(3 * rounds - 3).fill('challenge_required'),
  ]
}
