import { createEffect, onCleanup, untrack, type createComponent } from 'solid-js'
import { isSolid2 } from './config-context'

/**
 * What a component returns, named through a function both majors export: Solid 2 keeps no
 * `JSX` in `solid-js` (it is `@solidjs/web`'s), so the published types must not name it.
 */
export type SolidElement = ReturnType<typeof createComponent>

/** `style` on an element: CSS text, or values by CSS property name. */
export type CaptchaStyle = string | { [property: string]: string | number | undefined }

type Effect<T> = (value: T) => void | (() => void)
// Solid 2's signature; this package compiles against Solid 1's types.
type Solid2CreateEffect = <T>(compute: () => T, effect: Effect<T>) => void

/**
 * Runs `effect` after rendering, untracked, with `source()`'s value each time it changes; a
 * function it returns runs before the next run and on disposal. Neither major runs it on the
 * server. Solid 2 takes the two phases apart itself; Solid 1 runs one tracked function.
 */
export const watch = <T>(source: () => T, effect: Effect<T>): void =>
  isSolid2
    ? (createEffect as unknown as Solid2CreateEffect)(source, effect)
    : createEffect(() => {
        const value = source()
        untrack(() => {
          const cleanup = effect(value)
          if (cleanup) onCleanup(cleanup)
        })
      })
