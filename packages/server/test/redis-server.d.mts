export interface RedisProcess {
  url: string
  port: number
  /** Stops the server (SIGKILL when `hard`: a crash rather than a shutdown). */
  stop(options?: { hard?: boolean }): Promise<void>
}
export function hasRedisServer(): boolean
export function freePort(): Promise<number>
export function startRedis(port?: number): Promise<RedisProcess>
