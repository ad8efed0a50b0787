// One Redis for the whole server test run, on a free port, stopped after it.
import type { TestProject } from 'vitest/node'
import { hasRedisServer, startRedis } from './redis-server.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string
  }
}

export default async function setup(project: TestProject) {
  if (!hasRedisServer())
    throw new Error(
      'redis-server is needed by the server tests: `apt-get install -y redis-server` (scripts/test.sh does it)',
    )
  const redis = await startRedis()
  project.provide('redisUrl', redis.url)
  return () => redis.stop()
}
