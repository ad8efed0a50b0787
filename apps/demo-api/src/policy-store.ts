import { setTimeout as sleep } from 'node:timers/promises'
import { memoryStore, redisStore, type PolicyStore } from '@passline/server'
import { createClient } from 'redis'

export interface OpenedStore {
  store: PolicyStore
  /** `memory` or `redis`, for the start-up line. */
  kind: string
  close(): Promise<void>
}

/** How long start-up waits for Redis before serving anyway (deciding `challenge` until it is up). */
const CONNECT_WAIT_MS = 2000

/**
 * Where the escalation policy counts failures: this process's memory (zero set-up, for one
 * instance), or Redis at `redisUrl`, shared by every instance and kept across restarts.
 *
 * Redis going away never takes the server down and never lets anyone through unchecked: with
 * no offline queue a command fails at once, and the policy decides `challenge` (fail closed)
 * until the client has reconnected by itself.
 */
export async function openPolicyStore(redisUrl: string | undefined): Promise<OpenedStore> {
  if (!redisUrl) return { store: memoryStore(), kind: 'memory', close: async () => {} }
  const client = createClient({
    url: redisUrl,
    disableOfflineQueue: true,
    // Forever, backing off to 2 s: the store is back as soon as Redis is.
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
  })
  let down = false
  client.on('error', (error: Error) => {
    // Once per outage: the reconnection loop reports every failed attempt.
    if (!down) console.error(`[demo-api] Redis: ${error.message}; deciding challenge until back`)
    down = true
  })
  client.on('ready', () => {
    if (down) console.warn('[demo-api] Redis: connected again')
    down = false
  })
  // `connect()` settles only once connected (it retries): wait a little, never for ever.
  const connected = client.connect().then(
    () => true,
    () => false,
  )
  await Promise.race([connected, sleep(CONNECT_WAIT_MS, false, { ref: false })])
  return {
    store: redisStore(client),
    kind: 'redis',
    close: async () => client.destroy(),
  }
}
