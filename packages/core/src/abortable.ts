import { CaptchaError, type CaptchaErrorCode } from './errors'

export interface AbortableOptions {
  signal?: AbortSignal | undefined
  timeoutMs?: number | undefined
}

/**
 * Lets one caller stop waiting for shared work, on its signal or after `timeoutMs`, without
 * cancelling the work for others. `start` is not called when the signal is already aborted.
 */
export function abortable<T>(
  start: () => Promise<T>,
  { signal, timeoutMs }: AbortableOptions,
  timeoutCode: CaptchaErrorCode = 'timeout',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new CaptchaError('aborted', { cause: signal!.reason }))
    if (signal?.aborted) return abort()
    const timer =
      timeoutMs === undefined
        ? 0
        : setTimeout(() => reject(new CaptchaError(timeoutCode)), timeoutMs)
    signal?.addEventListener('abort', abort)
    start()
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', abort)
      })
  })
}
