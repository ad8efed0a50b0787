/** A single pending timeout: `start` replaces the one before, `stop` is safe to call any time. */
export interface Timeout {
  start(ms: number, fire: () => void): void
  stop(): void
  readonly pending: boolean
}

export function createTimeout(): Timeout {
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    start(ms, fire) {
      clearTimeout(timer)
      timer = setTimeout(() => {
        timer = undefined
        fire()
      }, ms)
    },
    stop() {
      clearTimeout(timer)
      timer = undefined
    },
    get pending() {
      return timer !== undefined
    },
  }
}
