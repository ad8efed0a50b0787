import { useLayoutEffect, useRef } from 'react'

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? () => {} : useLayoutEffect

/**
 * A ref that always holds the latest `value`, so callbacks can change without re-subscribing.
 * Typed on its own: React 18's `RefObject` makes `current` nullable, React 19's does not.
 */
export function useLatestRef<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
