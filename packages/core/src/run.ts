/** One challenge in flight, shared by every caller waiting for a token. */
export interface ChallengeRun {
  readonly promise: Promise<string>
  resolve(token: string): void
  reject(error: unknown): void
  /** Someone waits on it (getToken/execute); false for a background refresh. */
  foreground: boolean
  /** The widget was asked to start it. */
  started: boolean
}

export function createRun(foreground: boolean): ChallengeRun {
  let resolve!: (token: string) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<string>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject, foreground, started: false }
}
