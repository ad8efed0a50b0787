// The escalation's promises to one client, as tests: run against one instance
// (escalation.test.ts) and three sharing Redis (instances.test.ts), they must hold the same.
import { expect, it } from 'vitest'
import {
  BLOCK_AFTER,
  concurrentFailures,
  escalation,
  failures,
  interleaved,
  interleaving,
  raceAtTwoFailures,
  type Client,
} from './scenarios'
import type { Upstream } from './upstream'

/** The tests, for a backend blocking at `BLOCK_AFTER`; `client()` is a client with no failures yet. */
export function scenarioTests(client: () => Client & { upstream: Pick<Upstream, 'gather'> }) {
  it('escalates at the third failure and blocks after the last, wherever each one lands', async () => {
    expect(await failures(client(), BLOCK_AFTER + 1)).toEqual(escalation(BLOCK_AFTER))
  })

  it('counts fifty failures sent at once exactly fifty', async () => {
    const answers = await concurrentFailures(client(), 50)
    expect(answers.every((answer) => answer !== 'blocked' && answer !== 'created')).toBe(true)
    // At 50 the next failure is still answered (51 blocks), the one after is blocked.
    expect(await failures(client(), 2)).toEqual(['challenge_required', 'blocked'])
  })

  it('lets one of twenty signups racing at two failures through, not twenty', async () => {
    const answers = await raceAtTwoFailures(client(), 20)
    expect(answers.filter((answer) => answer === 'created')).toHaveLength(1)
    expect(answers.filter((answer) => answer === 'challenge_required')).toHaveLength(19)
  })

  it('never lets "two failures, then one success" reset the count', async () => {
    expect(await interleaved(client(), 10)).toEqual(interleaving(10))
  })
}
