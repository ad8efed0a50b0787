import { spawnSync } from 'node:child_process'
import { availableParallelism, platform } from 'node:os'

const canPin =
  platform() === 'linux' &&
  availableParallelism() >= 2 &&
  spawnSync('taskset', ['-c', '0', 'true']).status === 0

/**
 * Whether servers and their load generator each get a core of their own. Without it they
 * compete for the same cores and the scheduler's choices show up as noise in every figure.
 */
export const pinning = canPin ? 'server on core 0, load generator on core 1' : 'none (shared cores)'

/** `command args` to run on `core` alone where pinning is possible, unchanged elsewhere. */
export function onCore(core, command, args) {
  return canPin ? ['taskset', ['-c', String(core), command, ...args]] : [command, args]
}

export const SERVER_CORE = 0
export const LOAD_CORE = 1
