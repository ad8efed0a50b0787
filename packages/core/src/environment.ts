/** True where there is a DOM to inject into: never on a server, in a worker or at import time. */
export function hasDocument(): boolean {
  return typeof document !== 'undefined'
}
