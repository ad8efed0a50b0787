// What one client does to get past the escalation, against one instance or several sharing
// a store: each request goes to the next instance in turn. Each scenario returns what the
// client was answered, in order: `created`, or the refusal's `error`.
import { BAD_TOKEN, freshEmail, passToken, postJson, type Reply } from './requests'

/** The tests' block threshold: above 50, so that fifty failures at once are all counted. */
export const BLOCK_AFTER = 51

const outcome = (reply: Reply) => (reply.status === 201 ? 'created' : String(reply.body.error))

/** Hands out the instances' URLs in turn. */
export function inTurn(urls: string[]) {
  let next = 0
  return () => urls[next++ % urls.length]!
}

/** `count` bad tokens, one after another. */
export async function failures(urls: string[], count: number) {
  const next = inTurn(urls)
  const answers: string[] = []
  for (let i = 0; i < count; i++)
    answers.push(outcome(await postJson(next(), { email: freshEmail(), captchaToken: BAD_TOKEN })))
  return answers
}

/** `count` bad tokens at once. */
export async function concurrentFailures(urls: string[], count: number) {
  const next = inTurn(urls)
  const replies = await Promise.all(
    Array.from({ length: count }, () =>
      postJson(next(), { email: freshEmail(), captchaToken: BAD_TOKEN }),
    ),
  )
  return replies.map(outcome)
}

/** Two failures, then `count` signups with good tokens at once (tokens minted beforehand). */
export async function raceAtTwoFailures(urls: string[], mockUrl: string, count: number) {
  const tokens = await Promise.all(Array.from({ length: count }, () => passToken(mockUrl)))
  await failures(urls, 2)
  const next = inTurn(urls)
  const replies = await Promise.all(
    tokens.map((captchaToken) => postJson(next(), { email: freshEmail(), captchaToken })),
  )
  return replies.map(outcome)
}

/** "Two failures, then one success", `rounds` times. */
export async function interleaved(urls: string[], mockUrl: string, rounds: number) {
  const next = inTurn(urls)
  const answers: string[] = []
  for (let round = 0; round < rounds; round++) {
    for (const captchaToken of [BAD_TOKEN, BAD_TOKEN, await passToken(mockUrl)])
      answers.push(outcome(await postJson(next(), { email: freshEmail(), captchaToken })))
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
