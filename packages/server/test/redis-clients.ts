// The three Redis clients redisStore takes, connected to one URL; each returns its own close.
import { Redis as IoRedis } from 'ioredis'
import { Redis as IoValkey } from 'iovalkey'
import { createClient } from 'redis'
import type { RedisClientLike } from '../src/index'

export type ClientName = 'node-redis' | 'ioredis' | 'iovalkey'
export const CLIENTS: ClientName[] = ['node-redis', 'ioredis', 'iovalkey']

export interface Connected {
  client: RedisClientLike
  /** Raw commands, for inspecting keys. */
  command(...args: string[]): Promise<unknown>
  close(): Promise<void>
}

/** Fails fast while Redis is down (no offline queue), as the README recommends. */
export async function connect(name: ClientName, url: string): Promise<Connected> {
  if (name === 'node-redis') {
    const client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: () => 50 },
    })
    client.on('error', () => {})
    await client.connect()
    return {
      client,
      command: (...args) => client.sendCommand(args),
      close: async () => {
        client.destroy()
      },
    }
  }
  const Client = name === 'ioredis' ? IoRedis : IoValkey
  const client = new Client(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 50,
    lazyConnect: true,
  })
  client.on('error', () => {})
  await client.connect()
  return {
    client: client as unknown as RedisClientLike,
    command: (...args) => client.call(args[0]!, ...args.slice(1)),
    close: async () => {
      client.disconnect()
    },
  }
}
