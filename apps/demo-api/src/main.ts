// `pnpm demo` starts this: the demo backend against the mock provider the launcher started.
import { createDemoApi } from './demo-api'

const captchalaUrl =
  process.env.PASSLINE_MOCK_URL ?? process.env.CAPTCHALA_URL ?? 'http://127.0.0.1:8787'
const api = await createDemoApi({
  captchalaUrl,
  appSecret: process.env.CAPTCHALA_APP_SECRET ?? 'test_secret',
  port: Number(process.env.PASSLINE_API_PORT ?? 8788),
  redisUrl: process.env.REDIS_URL || undefined,
  // Unset: the demo's own secrets (see self-hosted.ts), and ALTCHA's and Cap's own difficulty.
  selfHosted: {
    altcha: { secret: process.env.ALTCHA_SECRET, cost: count('ALTCHA_COST') },
    cap: { secret: process.env.CAP_SECRET, challengeDifficulty: count('CAP_DIFFICULTY') },
  },
  policy: {
    challengeAfter: count('PASSLINE_CHALLENGE_AFTER'),
    blockAfter: count('PASSLINE_BLOCK_AFTER'),
  },
})
console.log(`ready: ${api.url} (failures counted in ${process.env.REDIS_URL ? 'Redis' : 'memory'})`)
const stop = () => void api.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

/** A threshold from the environment: unset is the policy's default; anything but a count stops here. */
function count(name: string): number | undefined {
  const value = process.env[name]
  if (value === undefined || value === '') return undefined
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a whole number above 0`)
  return Number(value)
}
