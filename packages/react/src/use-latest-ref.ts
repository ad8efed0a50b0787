import { useLayoutEffect, useRef, type RefObject } from 'react'

const useIsomorphicLayoutEffect = typeof document === 'undefined' ? () => {} : useLayoutEffect

/** A ref that always holds the latest `value`, so callbacks can change without re-subscribing. */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
