import { CaptchaError } from './errors'

export interface AbortableOptions {
  signal?: AbortSignal | undefined
  timeoutMs?: number | undefined
}

/**
 * Lets one caller stop waiting for a shared promise (on its signal, or after its own timeout)
 * without cancelling the work other callers still wait for.
 */
export function abortable<T>(shared: Promise<T>, { signal, timeoutMs }: AbortableOptions): Promise<T> {
  if (!signal && timeoutMs === undefined) return shared
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(new CaptchaError('aborted', { cause: signal.reason }))
    const onAbort = () => finish(() => reject(new CaptchaError('aborted', { cause: signal?.reason })))
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => finish(() => reject(new CaptchaError('timeout'))), timeoutMs)
    signal?.addEventListener('abort', onAbort)
    function finish(settle: () => void) {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      settle()
    }
    shared.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    )
  })
}
